#pragma once

#include "core/domain/UserSession.h"
#include "core/signin/SignInCredentials.h"

#include <QDialog>
#include <QList>
#include <QUrl>

class QLabel;
class QListWidget;
class QPushButton;

namespace cpis {
class Clock;
class FhirTransport;
class SignInFlow;
} // namespace cpis

namespace cpis::ui {

// Sign-in. Training: pick one of the sandbox's test users (the sandbox's own PKCE sign-in
// runs without a browser). Live: the identity provider's page opens in the browser and
// the loopback redirect brings the answer back.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    struct TestUser
    {
        QString id;
        QString name;
        QString roleName;
        QString orgName;
    };
    struct Setup
    {
        SignInSettings signIn;
        SignInCredentials credentials;
        QString credentialsProblem; // non-empty: sign-in cannot start, and says why
        bool training = false;
        QList<TestUser> users;
        UserSession previous; // who locked the desk (no tokens), offered first; empty otherwise
    };

    SignInDialog(Setup setup,
                 FhirTransport* transport,
                 const Clock* clock,
                 QWidget* parent = nullptr);
    ~SignInDialog() override;

    void selectUser(const QString& id);
    QString errorText() const;

signals:
    void signedIn(const cpis::UserSession& session);

private:
    void start();
    void finished(const UserSession& session);
    void failed(const QString& message);

    Setup m_setup;
    FhirTransport* m_transport;
    const Clock* m_clock;
    QListWidget* m_users = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_go = nullptr;
    SignInFlow* m_flow = nullptr;
    bool m_busy = false;
};

} // namespace cpis::ui
