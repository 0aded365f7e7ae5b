#include "ui/shell/MainWindow.h"

#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/signin/HeadlessSignIn.h"
#include "core/signin/SignInFlow.h"
#include "ui/shell/HubStatusLabel.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/IdleWarning.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/shell/ShellLogging.h"
#include "ui/widgets/DeskClipboard.h"
#include "ui/widgets/PlainLabel.h"

#include <QApplication>
#include <QDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cpis::ui {

MainWindow::MainWindow(Environment env, Services services, DeskSettings settings, QWidget* parent)
    : QMainWindow(parent), m_env(std::move(env)), m_services(std::move(services)),
      m_settings(std::move(settings))
{
    setWindowTitle(m_env.training ? tr("CP-IS Desk: TRAINING (synthetic data)")
                                  : tr("CP-IS Desk: %1").arg(m_env.environment));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1180, 760);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_trainingMarker = new PlainLabel(tr("TRAINING: synthetic data"), central);
    m_trainingMarker->setObjectName(QStringLiteral("trainingMarker"));
    m_trainingMarker->setAccessibleName(tr("Training mode: all data is synthetic"));
    // Black on amber: 10.6:1 contrast, and the words carry the meaning without the colour.
    m_trainingMarker->setStyleSheet(QStringLiteral(
        "QLabel { background: #ffb81c; color: #000000; font-weight: bold; padding: 6px; }"));
    m_trainingMarker->setAlignment(Qt::AlignCenter);
    m_trainingMarker->setVisible(m_env.training);
    layout->addWidget(m_trainingMarker);

    m_userLabel = new PlainLabel(central);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_userLabel->setStyleSheet(QStringLiteral("QLabel { color: #212b32; padding: 2px 4px; }"));
    layout->addWidget(m_userLabel);

    m_pages = new QStackedWidget(central);
    m_gatePage = buildGatePage();
    m_tabs = new QTabWidget(m_pages);
    m_tabs->setObjectName(QStringLiteral("functionTabs"));
    m_tabs->setAccessibleName(tr("Desk functions"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setVisible(false);
    m_tabs->setFocusPolicy(Qt::NoFocus);
    m_pages->addWidget(m_gatePage);
    m_pages->addWidget(m_tabs);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_idle = new IdleLock(m_settings.idleLockMinutes * 60 * 1000, this);
    connect(m_idle, &IdleLock::idle, this, &MainWindow::lock);
    m_idleWarning = new IdleWarning(this);
    connect(m_idle, &IdleLock::warning, m_idleWarning, &IdleWarning::showFor);
    connect(m_idle, &IdleLock::stillHere, m_idleWarning, &IdleWarning::dismiss);

    auto* service = new PlainLabel(
        m_env.training
            ? tr("Training sandbox at %1").arg(m_env.pdsUrl.toDisplayString(QUrl::RemovePath))
            : tr("Profile %1 (%2): PDS at %3")
                  .arg(m_env.profile, m_env.environment, m_env.pdsUrl.toDisplayString()),
        this);
    service->setObjectName(QStringLiteral("serviceLabel"));
    service->setAccessibleName(tr("Service address"));
    m_status = new PlainLabel(this);
    m_status->setObjectName(QStringLiteral("deskStatus"));
    m_status->setWordWrap(true);
    statusBar()->addWidget(m_status, 1);
    m_anchorProblem = new PlainLabel(this);
    m_anchorProblem->setObjectName(QStringLiteral("auditAnchorProblem"));
    m_anchorProblem->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_anchorProblem->setWordWrap(true);
    m_anchorProblem->hide();
    statusBar()->addPermanentWidget(m_anchorProblem);
    if (m_services.hub)
        statusBar()->addPermanentWidget(new HubStatusLabel(m_services.hub, this));
    statusBar()->addPermanentWidget(service);

    buildMenus();
    m_pages->setCurrentWidget(m_gatePage);
    m_gateText->setText(tr("Sign in to use CP-IS Desk."));
    m_userLabel->setText(tr("Not signed in"));
    m_userLabel->setAccessibleName(m_userLabel->text());
    m_gateButton->setFocus();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildGatePage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("gatePage"));
    auto* l = new QVBoxLayout(page);
    l->addStretch(1);
    m_gateText = new PlainLabel(page);
    m_gateText->setObjectName(QStringLiteral("gateText"));
    m_gateText->setAlignment(Qt::AlignCenter);
    m_gateText->setWordWrap(true);
    QFont f = m_gateText->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_gateText->setFont(f);
    l->addWidget(m_gateText);
    m_gateButton = new QPushButton(tr("&Sign in"), page);
    m_gateButton->setObjectName(QStringLiteral("gateSignInButton"));
    m_gateButton->setAccessibleName(tr("Sign in"));
    m_gateButton->setDefault(true);
    m_gateButton->setAutoDefault(true);
    connect(m_gateButton, &QPushButton::clicked, this, &MainWindow::beginSignIn);
    l->addWidget(m_gateButton, 0, Qt::AlignCenter);
    l->addStretch(2);
    return page;
}

void MainWindow::buildMenus()
{
    QMenu* desk = menuBar()->addMenu(tr("&Desk"));
    QAction* lockAction = desk->addAction(tr("&Lock"), this, &MainWindow::lock);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    addAction(lockAction);
    QAction* settingsAction = desk->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    for (int i = 0; i < m_services.tools.size(); ++i) {
        const DeskTool& tool = m_services.tools.at(i);
        QAction* action = desk->addAction(tool.title, this, [this, i] { openTool(i); });
        action->setObjectName(tool.objectName);
        action->setShortcut(tool.shortcut);
        m_toolWindows.append(nullptr);
    }
    QAction* out = desk->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    out->setObjectName(QStringLiteral("signOutAction"));
    desk->addSeparator();
    QAction* quit = desk->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::setIdleTimeoutMs(int ms)
{
    m_idle->setTimeoutMs(ms);
}

int MainWindow::idleTimeoutMs() const
{
    return m_idle->timeoutMs();
}

void MainWindow::setIdleWarningMs(int ms)
{
    m_idle->setWarningMs(ms);
}

void MainWindow::beginSignIn()
{
    if (m_signIn) {
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    SignInDialog::Setup setup{
        m_env.signIn,   m_env.credentials, m_env.credentialsProblem,
        m_env.training, m_env.testUsers,   m_locked ? m_lockedBy : UserSession{}};
    m_signIn = new SignInDialog(setup, m_services.transport, m_services.clock, this);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signedIn, this, &MainWindow::onSignedIn);
    m_signIn->open();
}

void MainWindow::signInAs(const QString& testUserId)
{
    HeadlessSignIn::start(m_services.transport, m_services.clock, m_env.signIn, m_env.credentials,
                          testUserId, this, [this](const Result<UserSession, QString>& r) {
                              if (r)
                                  onSignedIn(r.value());
                              else
                                  emit signInFailed(r.error());
                          });
}

void MainWindow::onSignedIn(const UserSession& session)
{
    m_session = session;
    qCInfo(lcShell, "signed in%s", m_wasLocked ? " again after a lock" : "");
    if (m_wasLocked)
        audit(AuditEntry::Action::Unlock, AuditEntry::Outcome::Success);
    audit(AuditEntry::Action::SignIn, AuditEntry::Outcome::Success);
    m_locked = false;
    m_wasLocked = false;
    m_lockedBy = UserSession{};
    m_userLabel->setText(tr("Signed in: %1 · %2 · %3")
                             .arg(session.name, session.roleName, session.organisationName));
    m_userLabel->setAccessibleName(m_userLabel->text());
    openFunctions();
    m_idle->arm();
    activateWindow();
    if (m_functionViews.isEmpty()) {
        m_gateText->setText(tr("Your role (%1) is given no CP-IS Desk screen here, so the desk "
                               "shows nothing. Sign in with another role, or ask your "
                               "administrator which roles see which screens.")
                                .arg(session.roleName));
        m_pages->setCurrentWidget(m_gatePage);
        m_gateButton->setFocus();
    } else {
        m_pages->setCurrentWidget(m_tabs);
        m_tabs->currentWidget()->setFocus(); // each screen proxies its first control
    }
    emit signedIn();
}

void MainWindow::openFunctions()
{
    closeFunctions();
    const QList<DeskFunction> given = m_services.screens.functionsFor(m_session);
    for (const RoleView& view : m_services.roleViews) {
        if (!view.create || !given.contains(view.function))
            continue;
        QWidget* w = view.create(m_session, m_tabs);
        m_tabs->addTab(w, view.title);
        m_functionViews.append({view.function, w});
    }
    if (!m_functionViews.isEmpty())
        m_tabs->setCurrentWidget(m_functionViews.first().second);
    // One function: no tab bar to get past.
    // Qt 6.4 still offers a tab widget whose bar is hidden to Tab, and focus then sticks on
    // the control before it; so it leaves the focus chain with its bar.
    const bool several = m_functionViews.size() > 1;
    m_tabs->tabBar()->setVisible(several);
    m_tabs->setFocusPolicy(several ? Qt::TabFocus : Qt::NoFocus);
}

void MainWindow::closeFunctions()
{
    // Destroyed, not hidden or emptied: a locked desk keeps no person, notice, list or review
    // in memory, and a screen reader or a screenshot of it finds nothing.
    while (m_tabs->count() > 0) {
        QWidget* view = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete view;
    }
    m_functionViews.clear();
}

QWidget* MainWindow::functionView(DeskFunction function) const
{
    for (const auto& [f, widget] : m_functionViews)
        if (f == function)
            return widget;
    return nullptr;
}

QList<DeskFunction> MainWindow::shownFunctions() const
{
    QList<DeskFunction> out;
    for (const auto& entry : m_functionViews)
        out.append(entry.first);
    return out;
}

void MainWindow::lock()
{
    if (!isSignedIn() || m_locked)
        return;
    qCInfo(lcShell, "locked");
    audit(AuditEntry::Action::Lock, AuditEntry::Outcome::Success);
    m_locked = true;
    m_wasLocked = true;
    // Who, not their tokens: the locked desk holds nothing that could act for them.
    m_lockedBy = UserSession{};
    m_lockedBy.userId = m_session.userId;
    m_lockedBy.name = m_session.name;
    m_lockedBy.roleName = m_session.roleName;
    m_lockedBy.organisationName = m_session.organisationName;
    // The desk's clock, in local time: what the clock on the wall said when it locked.
    const QDateTime at =
        (m_services.clock ? m_services.clock->nowUtc() : QDateTime::currentDateTimeUtc())
            .toLocalTime();
    const QString when = at.toString(QStringLiteral("HH:mm"));
    leave(tr("Locked by %1").arg(m_session.name),
          tr("Locked at %1 by %2 (%3). CP-IS Desk is locked: sign in again to continue.")
              .arg(when, m_session.name, m_session.roleName));
    emit locked();
}

void MainWindow::signOut()
{
    if (!isSignedIn())
        return;
    qCInfo(lcShell, "signed out");
    if (!m_locked)
        audit(AuditEntry::Action::SignOut, AuditEntry::Outcome::Success);
    m_locked = false;
    m_wasLocked = false;
    m_lockedBy = UserSession{};
    // The identity provider ends its session and revokes what it can; the desk drops every
    // token whatever it answers (leave() wipes the session).
    if (m_services.transport && !m_env.signIn.issuer.isEmpty()) {
        auto* flow = new SignInFlow(m_services.transport, m_services.clock, m_env.signIn,
                                    m_env.credentials, nullptr, this);
        flow->signOut(m_session, [this, flow](const QStringList& problems) {
            flow->deleteLater();
            if (problems.isEmpty() || isSignedIn())
                return;
            qCWarning(lcShell, "sign-out: %lld step(s) not done at the sign-in service",
                      qint64(problems.size()));
            const QString text = tr("Signed out: this desk holds none of your tokens. The "
                                    "sign-in service could not be told: %1")
                                     .arg(problems.join(u' '));
            m_gateText->setText(text);
            m_gateText->setAccessibleName(text);
        });
    }
    leave(tr("Not signed in"), tr("Signed out. Sign in to use CP-IS Desk."));
}

void MainWindow::showAuditAnchorProblem(const QString& detail)
{
    m_anchorProblem->setText(tr("Audit not anchored: look-ups are recorded, but the keychain "
                                "could not save the audit anchor. Unlock the keychain."));
    m_anchorProblem->setToolTip(detail);
    m_anchorProblem->setAccessibleName(m_anchorProblem->text());
    m_anchorProblem->show();
}

void MainWindow::clearAuditAnchorProblem()
{
    m_anchorProblem->hide();
    m_anchorProblem->clear();
}

void MainWindow::leave(const QString& userText, const QString& gateText)
{
    if (m_services.saveAuditAnchor)
        m_services.saveAuditAnchor();
    m_idle->disarm();
    m_idleWarning->hide();
    closeTools(); // a locked desk edits nothing
    closeDeskWindows();
    closeFunctions();
    wipe(m_session);
    if (m_services.forgetSession)
        m_services.forgetSession();
    // A number copied from a plan does not outlast the session it was shown in.
    DeskClipboard::clearDeskCopy();
    setStatus(QString());
    m_userLabel->setText(userText);
    m_userLabel->setAccessibleName(m_userLabel->text());
    m_gateText->setText(gateText);
    m_gateText->setAccessibleName(gateText);
    m_pages->setCurrentWidget(m_gatePage);
    m_gateButton->setFocus();
}

void MainWindow::closeDeskWindows()
{
    // A menu left open would otherwise stay on top of the lock screen.
    while (QWidget* popup = QApplication::activePopupWidget())
        if (!popup->close())
            break;
    // Whatever the screens or the shell opened: children of this window, and the dialogs
    // opened without a parent (a message box from a function with none to hand). Rejected
    // rather than deleted, so that a dialog's own event loop unwinds as a cancel.
    const QWidgetList tops = QApplication::topLevelWidgets();
    for (QWidget* top : tops) {
        if (top == this || !top->isVisible())
            continue;
        auto* dialog = qobject_cast<QDialog*>(top);
        bool ours = !top->parentWidget() && dialog;
        for (QWidget* p = top->parentWidget(); p && !ours; p = p->parentWidget())
            ours = p == this;
        if (!ours)
            continue;
        if (dialog)
            dialog->reject();
        top->close();
        top->hide(); // a window that refuses to close still shows nothing
    }
}

void MainWindow::openSettings()
{
    SettingsDialog::Administered administered;
    administered.profiles = m_env.profiles.isEmpty() ? QStringList{m_env.profile} : m_env.profiles;
    administered.profileInUse = m_env.profile;
    administered.environment = m_env.environment;
    administered.siteText =
        m_env.site == SiteType::ScheduledCare
            ? tr("Scheduled care (GP in hours, 0-19 services)")
            : tr("Unscheduled care (emergency, walk-in, maternity, out of hours)");
    administered.file = m_env.adminFile;
    auto* dialog = new SettingsDialog(m_settings, administered, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings = dialog->settings();
        QSettings stored;
        m_settings.save(stored);
        m_idle->setTimeoutMs(m_settings.idleLockMinutes * 60 * 1000);
        emit settingsSaved(m_settings);
    });
    dialog->open();
}

void MainWindow::openTool(int index)
{
    // A role given no screen is given no tool either: the desk shows it nothing.
    if (!isSignedIn() || m_locked || m_functionViews.isEmpty() || index < 0 ||
        index >= m_services.tools.size())
        return;
    if (QWidget* open = m_toolWindows.at(index)) {
        open->raise();
        open->activateWindow();
        return;
    }
    const DeskTool& tool = m_services.tools.at(index);
    QWidget* window = tool.open ? tool.open(m_session, this) : nullptr;
    if (!window)
        return;
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_toolWindows[index] = window;
    if (auto* dialog = qobject_cast<QDialog*>(window))
        dialog->open();
    else
        window->show();
}

void MainWindow::closeTools()
{
    for (const QPointer<QWidget>& window : std::as_const(m_toolWindows))
        if (window)
            window->close();
}

void MainWindow::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text);
}

void MainWindow::audit(AuditEntry::Action action, AuditEntry::Outcome outcome)
{
    if (!m_services.audit || !m_session.isValid())
        return;
    AccessEvent ev;
    ev.action = action;
    ev.outcome = outcome;
    if (auto s = m_services.audit(m_session, ev); !s)
        setStatus(tr("Warning: could not write to the audit log: %1").arg(s.error().message));
}

} // namespace cpis::ui
