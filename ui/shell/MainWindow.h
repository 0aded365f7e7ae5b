#pragma once

#include "core/audit/AccessAuditor.h"
#include "core/domain/RoleScreens.h"
#include "core/domain/UserSession.h"
#include "core/signin/SignInCredentials.h"
#include "ui/shell/DeskSettings.h"
#include "ui/shell/SignInDialog.h"
#include "ui/widgets/DeskTool.h"
#include "ui/widgets/RoleView.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace cpis {
class Clock;
class HubForwarder;
class FhirTransport;
} // namespace cpis

namespace cpis::ui {

class IdleLock;
class IdleWarning;

// The desk's shell: the sign-in gate, one tab per desk function the administrator's mapping
// gives the signed-in role (of the role views the composition root offers: look-up, notices,
// review, area lists), the Desk menu with
// its tools, settings, the idle lock and sign-out. Locking (idle or Ctrl+L) destroys every
// screen and tool window, with the patient data they held, closes every other window the desk
// opened (settings, message boxes, file dialogs), and needs a fresh sign-in to come back; the
// lock screen says who locked it and when, and the sign-in offers that user first.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Where this desk's answers come from, as the administrator's profile says: shown in the
    // window title and the status bar so that training can never pass for live.
    struct Environment
    {
        QString profile;               // the profile's name
        QString environment;           // training, int, live...
        SignInSettings signIn;         // the profile's: where and how sign-in goes
        SignInCredentials credentials; // the desk's keys or secret for it
        QString credentialsProblem;    // why they could not be read; shown at sign-in
        QUrl pdsUrl;                   // shown in the status bar
        bool training = false;
        // The administrator's, shown read-only in the settings.
        QStringList profiles; // allowed, the default first
        SiteType site = SiteType::UnscheduledCare;
        QString adminFile;
        QList<SignInDialog::TestUser> testUsers; // training sign-in choices
    };
    using RoleView = ui::RoleView;
    struct Services
    {
        FhirTransport* transport = nullptr; // sign-in calls go the services' one HTTP path
        const Clock* clock = nullptr;
        std::function<Status<AccessAuditor::Error>(const UserSession&, const AccessEvent&)> audit;
        QList<RoleView> roleViews; // offered, in this order, when `screens` gives them
        // Which role gets which screen: the administrator's mapping (the profile's).
        RoleScreens screens = RoleScreens::defaults();
        QList<DeskTool> tools; // in the Desk menu, for a signed-in user
        // Saves the audit anchor now (on lock and sign-out; it is otherwise saved shortly
        // after each look-up, off its path).
        std::function<void()> saveAuditAnchor;
        // Run on lock and sign-out: the long-lived services drop the session and its tokens.
        std::function<void()> forgetSession;
        HubForwarder* hub = nullptr; // the audit hub's forwarder; null: the profile names none
    };

    MainWindow(Environment env,
               Services services,
               DeskSettings settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The idle lock's timeout and its warning's lead; tests shorten them.
    void setIdleTimeoutMs(int ms);
    int idleTimeoutMs() const;
    void setIdleWarningMs(int ms);
    IdleLock* idleLock() const { return m_idle; }
    IdleWarning* idleWarning() const { return m_idleWarning; }

    bool isSignedIn() const { return m_session.isValid(); }
    bool isLocked() const { return m_locked; }
    // Whose session the lock ended (name and ids only, no tokens); empty when not locked.
    const UserSession& lockedBy() const { return m_lockedBy; }
    const UserSession& session() const { return m_session; }

    SignInDialog* signInDialog() const { return m_signIn; }
    QTabWidget* functionTabs() const { return m_tabs; }
    // The screen shown for `function`, or null when the mapping does not give it.
    QWidget* functionView(DeskFunction function) const;
    QList<DeskFunction> shownFunctions() const;
    // The status bar's warning that recorded entries are not anchored; hidden while all is well.
    QLabel* auditAnchorProblem() const { return m_anchorProblem; }

public slots:
    void beginSignIn();                       // opens the sign-in dialog
    void signInAs(const QString& testUserId); // training: signs in without the dialog
    void lock();
    void signOut();
    void openSettings();
    void showAuditAnchorProblem(const QString& detail);
    void clearAuditAnchorProblem();

signals:
    void signedIn();
    void signInFailed(const QString& message);
    void locked();
    void settingsSaved(const cpis::ui::DeskSettings& settings);

private:
    void buildMenus();
    QWidget* buildGatePage();
    void onSignedIn(const UserSession& session);
    void openFunctions();
    void closeFunctions();
    void openTool(int index); // signed in only: what it changes is done by someone known
    void closeTools();
    void leave(const QString& userText, const QString& gateText); // after lock or sign-out
    void closeDeskWindows(); // every dialog and window the desk opened, whatever it showed
    void setStatus(const QString& text);
    void audit(AuditEntry::Action action, AuditEntry::Outcome outcome);

    Environment m_env;
    Services m_services;
    DeskSettings m_settings;
    UserSession m_session;
    bool m_locked = false;
    bool m_wasLocked = false;
    // Who locked the desk, so that the sign-in offers them first; no patient data.
    UserSession m_lockedBy;

    QLabel* m_trainingMarker = nullptr;
    QLabel* m_anchorProblem = nullptr;
    QLabel* m_userLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_gatePage = nullptr;
    QLabel* m_gateText = nullptr;
    QPushButton* m_gateButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    QList<std::pair<DeskFunction, QWidget*>> m_functionViews; // in tab order
    QLabel* m_status = nullptr;
    IdleLock* m_idle = nullptr;
    IdleWarning* m_idleWarning = nullptr;
    QPointer<SignInDialog> m_signIn;
    QList<QPointer<QWidget>> m_toolWindows; // by index into Services::tools; null unless open
};

} // namespace cpis::ui
