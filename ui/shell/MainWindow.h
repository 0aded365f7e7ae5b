#pragma once

#include "core/audit/AccessAuditor.h"
#include "core/domain/UserSession.h"
#include "core/lookup/LookupResult.h"
#include "ui/shell/DeskSettings.h"
#include "ui/shell/SignInDialog.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;

namespace cpis {
class Clock;
class FhirTransport;
class LocalDirectory;
class LookupService;
} // namespace cpis

namespace cpis::ui {

class CpisResultView;
class IdleLock;
class LocalDirectoryDialog;
class NhsNumberEdit;
class PatientBanner;

// The triage screen: sign in, look a person up by NHS number, confirm the banner, read the
// CP-IS section. Locking (idle or Ctrl+L) empties every widget that held patient data and
// needs a fresh sign-in to come back.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Scenario
    {
        QString nhsNumber; // ten digits
        QString title;
    };
    struct Environment
    {
        QUrl serviceUrl;
        bool training = false;
        QString clientId = QStringLiteral("cpis-desk");
        QList<SignInDialog::TestUser> testUsers; // training sign-in choices
        QList<Scenario> scenarios;               // training help panel
    };
    // A screen for one desk function beyond look-up (notices, review, area lists). It is made
    // at sign-in for a session that allows the function and destroyed at lock and sign-out, so
    // whatever patient data it holds goes with it.
    struct RoleView
    {
        DeskFunction function = DeskFunction::LookUp;
        QString title; // tab title, with an & accelerator
        std::function<QWidget*(const UserSession&, QWidget* parent)> create;
    };
    struct Services
    {
        LookupService* lookups = nullptr;
        FhirTransport* transport = nullptr; // sign-in calls go the services' one HTTP path
        const Clock* clock = nullptr;
        std::function<Status<AccessAuditor::Error>(const UserSession&, const AccessEvent&)> audit;
        LocalDirectory* directory = nullptr; // email and notes per local authority
        QList<RoleView> roleViews;           // offered when the session allows their function
    };

    MainWindow(Environment env,
               Services services,
               DeskSettings settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The idle lock's timeout; tests shorten it.
    void setIdleTimeoutMs(int ms);
    int idleTimeoutMs() const;

    bool isSignedIn() const { return m_session.isValid(); }
    bool isLocked() const { return m_locked; }
    bool awaitsConfirmation() const { return m_pending.has_value(); }
    const UserSession& session() const { return m_session; }

    NhsNumberEdit* nhsField() const { return m_nhs; }
    CpisResultView* resultView() const { return m_result; }
    PatientBanner* banner() const { return m_banner; }
    SignInDialog* signInDialog() const { return m_signIn; }
    LocalDirectoryDialog* localDirectoryDialog() const; // null unless open
    QTabWidget* functionTabs() const { return m_tabs; }
    // The screen shown for `function`, or null when the session does not allow it.
    QWidget* functionView(DeskFunction function) const;
    QList<DeskFunction> shownFunctions() const;

public slots:
    void beginSignIn();                       // opens the sign-in dialog
    void signInAs(const QString& testUserId); // training: signs in without the dialog
    void lookUp(const QString& nhsNumber);    // as if typed and Enter pressed
    void confirmBanner();
    void lock();
    void signOut();
    void openSettings();
    void openLocalDirectory(); // signed in only: edits are made by someone known

signals:
    void signedIn();
    void signInFailed(const QString& message);
    void lookupAnswered(); // the banner (or the result, when there is no banner) is shown
    void resultShown();    // the CP-IS section is open
    void locked();
    void settingsSaved(const cpis::ui::DeskSettings& settings);

private:
    void buildMenus();
    QWidget* buildDeskPage();
    QWidget* buildGatePage();
    void onSignedIn(const UserSession& session);
    void search(const NhsNumber& nhs);
    void onAnswer(const LookupResult& result);
    void showResult();
    void clearPatient();
    void openFunctions();
    void closeFunctions();
    void setStatus(const QString& text);
    void audit(AuditEntry::Action action, AuditEntry::Outcome outcome);

    Environment m_env;
    Services m_services;
    DeskSettings m_settings;
    UserSession m_session;
    bool m_locked = false;
    bool m_wasLocked = false;
    quint64 m_generation = 0; // answers to an older look-up (or from before a lock) are dropped
    std::optional<LookupResult> m_pending;

    QLabel* m_trainingMarker = nullptr;
    QLabel* m_userLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_gatePage = nullptr;
    QLabel* m_gateText = nullptr;
    QPushButton* m_gateButton = nullptr;
    QWidget* m_deskPage = nullptr;
    QTabWidget* m_tabs = nullptr;
    QList<std::pair<DeskFunction, QWidget*>> m_functionViews; // in tab order
    NhsNumberEdit* m_nhs = nullptr;
    QLabel* m_status = nullptr;
    PatientBanner* m_banner = nullptr;
    QWidget* m_confirmBar = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QScrollArea* m_resultScroll = nullptr;
    CpisResultView* m_result = nullptr;
    QListWidget* m_help = nullptr;
    IdleLock* m_idle = nullptr;
    QPointer<SignInDialog> m_signIn;
    QPointer<LocalDirectoryDialog> m_directoryDialog;
};

} // namespace cpis::ui
