#include "ui/shell/MainWindow.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/lookup/LookupService.h"
#include "core/signin/HeadlessSignIn.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/shell/ShellLogging.h"
#include "ui/widgets/NhsNumberEdit.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cpis::ui {

namespace {

QString grouped(const QString& digits)
{
    return digits.size() == 10 ? digits.left(3) + u' ' + digits.mid(3, 3) + u' ' + digits.mid(6)
                               : digits;
}

} // namespace

MainWindow::MainWindow(Environment env, Services services, DeskSettings settings, QWidget* parent)
    : QMainWindow(parent), m_env(std::move(env)), m_services(std::move(services)),
      m_settings(std::move(settings))
{
    setWindowTitle(tr("CP-IS Desk"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1180, 760);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_trainingMarker = new QLabel(tr("TRAINING: synthetic data"), central);
    m_trainingMarker->setObjectName(QStringLiteral("trainingMarker"));
    m_trainingMarker->setAccessibleName(tr("Training mode: all data is synthetic"));
    // Black on amber: 10.6:1 contrast, and the words carry the meaning without the colour.
    m_trainingMarker->setStyleSheet(QStringLiteral(
        "QLabel { background: #ffb81c; color: #000000; font-weight: bold; padding: 6px; }"));
    m_trainingMarker->setAlignment(Qt::AlignCenter);
    m_trainingMarker->setVisible(m_env.training);
    layout->addWidget(m_trainingMarker);

    m_userLabel = new QLabel(central);
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
    // The look-up page stays in its tab for the window's life (hidden for roles without it):
    // moving a built page in and out of the tab widget broke the Tab focus chain.
    m_deskPage = buildDeskPage();
    m_tabs->addTab(m_deskPage, tr("&Look-up"));
    m_tabs->setTabVisible(0, false);
    m_pages->addWidget(m_gatePage);
    m_pages->addWidget(m_tabs);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_idle = new IdleLock(m_settings.idleLockMinutes * 60 * 1000, this);
    connect(m_idle, &IdleLock::idle, this, &MainWindow::lock);

    auto* service = new QLabel(
        m_env.training ? tr("Training sandbox at %1").arg(m_env.serviceUrl.toDisplayString())
                       : tr("Live service at %1").arg(m_env.serviceUrl.toDisplayString()),
        this);
    service->setObjectName(QStringLiteral("serviceLabel"));
    service->setAccessibleName(tr("Service address"));
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
    m_gateText = new QLabel(page);
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

QWidget* MainWindow::buildDeskPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("deskPage"));
    auto* columns = new QHBoxLayout(page);
    columns->setContentsMargins(0, 0, 0, 0);
    auto* main = new QVBoxLayout;
    columns->addLayout(main, 3);

    auto* searchRow = new QHBoxLayout;
    auto* nhsLabel = new QLabel(tr("&NHS No."), page);
    m_nhs = new NhsNumberEdit(page);
    m_nhs->setObjectName(QStringLiteral("nhsNumberField"));
    m_nhs->setAccessibleName(tr("NHS number"));
    m_nhs->setAccessibleDescription(tr("Type or paste the ten digits and press Enter. Escape "
                                       "clears."));
    m_nhs->setPlaceholderText(QStringLiteral("999 999 9999"));
    m_nhs->setMaximumWidth(220);
    QFont big = m_nhs->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_nhs->setFont(big);
    nhsLabel->setBuddy(m_nhs);
    searchRow->addWidget(nhsLabel);
    searchRow->addWidget(m_nhs);
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("lookupStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #212b32; }"));
    searchRow->addWidget(m_status, 1);
    main->addLayout(searchRow);
    connect(m_nhs, &NhsNumberEdit::submitted, this, &MainWindow::search);
    connect(m_nhs, &NhsNumberEdit::rejected, this,
            [this](const QString& why) { setStatus(tr("Not searched: %1").arg(why)); });
    connect(m_nhs, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Esc (or deleting the number) starts over: nothing of the last person stays on screen.
        if (text.isEmpty())
            clearPatient();
    });

    m_banner = new PatientBanner(page);
    main->addWidget(m_banner);

    m_confirmBar = new QWidget(page);
    m_confirmBar->setObjectName(QStringLiteral("confirmBar"));
    m_confirmBar->setAttribute(Qt::WA_StyledBackground);
    // Black on pale blue, 15:1; the question is in words.
    m_confirmBar->setStyleSheet(
        QStringLiteral("#confirmBar { background: #d6e8f7; } QLabel { color: #000000; }"));
    auto* confirmRow = new QHBoxLayout(m_confirmBar);
    auto* question = new QLabel(tr("Check the banner against the person in front of you "
                                   "before you read CP-IS."),
                                m_confirmBar);
    question->setWordWrap(true);
    confirmRow->addWidget(question, 1);
    m_confirmButton = new QPushButton(tr("Banner matches the person (Ctrl+Enter)"), m_confirmBar);
    m_confirmButton->setObjectName(QStringLiteral("confirmBannerButton"));
    m_confirmButton->setAccessibleName(tr("Confirm the banner matches the person in front of me"));
    m_confirmButton->setAutoDefault(false);
    connect(m_confirmButton, &QPushButton::clicked, this, &MainWindow::confirmBanner);
    confirmRow->addWidget(m_confirmButton);
    m_confirmBar->hide();
    main->addWidget(m_confirmBar);
    for (const QKeySequence& k :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* sc = new QShortcut(k, page);
        connect(sc, &QShortcut::activated, this, &MainWindow::confirmBanner);
    }

    m_result = new CpisResultView;
    m_result->setLocalDirectory(m_services.directory);
    m_resultScroll = new QScrollArea(page);
    m_resultScroll->setObjectName(QStringLiteral("cpisSection"));
    m_resultScroll->setAccessibleName(tr("CP-IS section"));
    m_resultScroll->setWidgetResizable(true);
    m_resultScroll->setFrameShape(QFrame::NoFrame);
    m_resultScroll->setWidget(m_result);
    m_resultScroll->hide();
    main->addWidget(m_resultScroll, 1);
    main->addStretch(0);

    if (m_env.training) {
        auto* helpBox = new QWidget(page);
        helpBox->setObjectName(QStringLiteral("trainingHelp"));
        auto* hl = new QVBoxLayout(helpBox);
        hl->setContentsMargins(0, 0, 0, 0);
        auto* title = new QLabel(tr("&Training scenarios (synthetic)"), helpBox);
        QFont tf = title->font();
        tf.setBold(true);
        title->setFont(tf);
        hl->addWidget(title);
        auto* hint =
            new QLabel(tr("Enter on a line puts its number in the NHS No. field."), helpBox);
        hint->setWordWrap(true);
        hl->addWidget(hint);
        m_help = new QListWidget(helpBox);
        m_help->setObjectName(QStringLiteral("scenarioList"));
        m_help->setAccessibleName(tr("Training scenario NHS numbers"));
        m_help->setWordWrap(true);
        m_help->setMinimumWidth(330);
        for (const Scenario& s : m_env.scenarios) {
            auto* item =
                new QListWidgetItem(grouped(s.nhsNumber) + QStringLiteral("  ") + s.title, m_help);
            item->setData(Qt::UserRole, s.nhsNumber);
        }
        title->setBuddy(m_help);
        connect(m_help, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            m_nhs->setText(grouped(item->data(Qt::UserRole).toString()));
            m_nhs->setFocus();
        });
        hl->addWidget(m_help, 1);
        columns->addWidget(helpBox, 1);
    }
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
    QAction* directoryAction =
        desk->addAction(tr("Local &directory…"), this, &MainWindow::openLocalDirectory);
    directoryAction->setObjectName(QStringLiteral("localDirectoryAction"));
    directoryAction->setEnabled(m_services.directory != nullptr);
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

void MainWindow::beginSignIn()
{
    if (m_signIn) {
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    SignInDialog::Setup setup{m_env.serviceUrl, m_env.clientId, m_env.training, m_env.testUsers};
    m_signIn = new SignInDialog(setup, m_services.transport, m_services.clock, this);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signedIn, this, &MainWindow::onSignedIn);
    m_signIn->open();
}

void MainWindow::signInAs(const QString& testUserId)
{
    HeadlessSignIn::start(m_services.transport, m_services.clock, m_env.serviceUrl, m_env.clientId,
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
    m_services.lookups->setSession(session);
    qCInfo(lcShell, "signed in%s", m_wasLocked ? " again after a lock" : "");
    if (m_wasLocked)
        audit(AuditEntry::Action::Unlock, AuditEntry::Outcome::Success);
    audit(AuditEntry::Action::SignIn, AuditEntry::Outcome::Success);
    m_locked = false;
    m_wasLocked = false;
    m_userLabel->setText(tr("Signed in: %1 · %2 · %3")
                             .arg(session.name, session.roleName, session.organisationName));
    m_userLabel->setAccessibleName(m_userLabel->text());
    openFunctions();
    m_idle->arm();
    activateWindow();
    if (m_functionViews.isEmpty()) {
        m_gateText->setText(tr("Your role (%1) has no CP-IS Desk functions. Sign in with "
                               "another role, or ask your registration authority.")
                                .arg(session.roleName));
        m_pages->setCurrentWidget(m_gatePage);
        m_gateButton->setFocus();
    } else {
        m_pages->setCurrentWidget(m_tabs);
        if (m_tabs->currentWidget() == m_deskPage)
            m_nhs->setFocus();
        else
            m_tabs->currentWidget()->setFocus();
    }
    emit signedIn();
}

void MainWindow::openFunctions()
{
    closeFunctions();
    if (m_session.allows(DeskFunction::LookUp)) {
        m_tabs->setTabVisible(0, true);
        m_functionViews.append({DeskFunction::LookUp, m_deskPage});
    }
    for (const RoleView& view : m_services.roleViews) {
        if (!view.create || !m_session.allows(view.function))
            continue;
        QWidget* w = view.create(m_session, m_tabs);
        m_tabs->addTab(w, view.title);
        m_functionViews.append({view.function, w});
    }
    if (!m_functionViews.isEmpty())
        m_tabs->setCurrentWidget(m_functionViews.first().second);
    // One function: no tab bar to get past (the bar's own auto-hide counts hidden tabs too).
    // Qt 6.4 still offers a tab widget whose bar is hidden to Tab, and focus then sticks on
    // the control before it; so it leaves the focus chain with its bar.
    const bool several = m_functionViews.size() > 1;
    m_tabs->tabBar()->setVisible(several);
    m_tabs->setFocusPolicy(several ? Qt::TabFocus : Qt::NoFocus);
}

void MainWindow::closeFunctions()
{
    // Destroyed, not hidden: a locked desk keeps no notice, list or review in memory.
    while (m_tabs->count() > 1) {
        QWidget* view = m_tabs->widget(1);
        m_tabs->removeTab(1);
        delete view;
    }
    m_functionViews.clear();
    m_tabs->setTabVisible(0, false);
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

void MainWindow::lookUp(const QString& nhsNumber)
{
    const auto parsed = NhsNumber::parse(nhsNumber);
    m_nhs->setText(parsed ? parsed.value().display() : nhsNumber);
    if (parsed)
        search(parsed.value());
    else
        setStatus(tr("Not searched: %1").arg(parsed.error().message));
}

void MainWindow::search(const NhsNumber& nhs)
{
    if (!isSignedIn() || m_locked || !m_session.allows(DeskFunction::LookUp))
        return;
    clearPatient();
    const quint64 generation = ++m_generation;
    setStatus(tr("Checking PDS and CP-IS for NHS No. %1…").arg(nhs.display()));
    m_services.lookups->lookup(nhs, this, [this, generation](const LookupResult& r) {
        if (generation == m_generation)
            onAnswer(r);
    });
}

void MainWindow::onAnswer(const LookupResult& r)
{
    setStatus(r.auditFailed ? tr("Warning: this look-up could not be recorded in the audit log.")
                            : QString());
    m_pending = r;
    if (r.patient) {
        m_banner->setPatient(*r.patient, m_services.clock->nowUtc().toLocalTime().date());
        m_confirmBar->show();
        m_confirmButton->setAccessibleDescription(m_banner->summaryText());
    } else {
        // No banner to check (the person could not be traced): the answer shows at once.
        showResult();
    }
    m_nhs->setFocus();
    m_nhs->selectAll();
    emit lookupAnswered();
    if (!r.patient)
        emit resultShown();
}

void MainWindow::confirmBanner()
{
    if (!m_pending || m_locked)
        return;
    showResult();
    m_nhs->setFocus();
    m_nhs->selectAll();
    emit resultShown();
}

void MainWindow::showResult()
{
    m_confirmBar->hide();
    m_result->showResult(*m_pending, m_services.clock->nowUtc());
    m_pending.reset();
    m_resultScroll->show();
}

void MainWindow::clearPatient()
{
    m_pending.reset();
    m_banner->clear();
    m_confirmBar->hide();
    m_confirmButton->setAccessibleDescription(QString());
    m_result->clear();
    m_resultScroll->hide();
}

void MainWindow::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text.isEmpty() ? tr("Look-up status") : text);
}

void MainWindow::lock()
{
    if (!isSignedIn() || m_locked)
        return;
    ++m_generation; // an answer still on its way is never shown
    qCInfo(lcShell, "locked");
    audit(AuditEntry::Action::Lock, AuditEntry::Outcome::Success);
    m_locked = true;
    m_wasLocked = true;
    m_idle->disarm();
    if (m_directoryDialog)
        m_directoryDialog->close(); // a locked desk edits nothing
    // Emptied, not covered: a screen reader or a screenshot of a locked desk finds nothing.
    m_nhs->blockSignals(true);
    m_nhs->clear();
    m_nhs->blockSignals(false);
    clearPatient();
    setStatus(QString());
    closeFunctions();
    m_session = UserSession{};
    m_services.lookups->setSession(UserSession{});
    m_userLabel->setText(tr("Locked"));
    m_userLabel->setAccessibleName(m_userLabel->text());
    m_gateText->setText(tr("CP-IS Desk is locked. Sign in again to continue."));
    m_pages->setCurrentWidget(m_gatePage);
    m_gateButton->setFocus();
    emit locked();
}

void MainWindow::signOut()
{
    if (!isSignedIn())
        return;
    qCInfo(lcShell, "signed out");
    if (!m_locked)
        audit(AuditEntry::Action::SignOut, AuditEntry::Outcome::Success);
    ++m_generation;
    m_nhs->clear();
    clearPatient();
    setStatus(QString());
    closeFunctions();
    m_session = UserSession{};
    m_services.lookups->setSession(UserSession{});
    m_locked = false;
    m_wasLocked = false;
    m_idle->disarm();
    if (m_directoryDialog)
        m_directoryDialog->close();
    m_userLabel->setText(tr("Not signed in"));
    m_userLabel->setAccessibleName(m_userLabel->text());
    m_gateText->setText(tr("Signed out. Sign in to use CP-IS Desk."));
    m_pages->setCurrentWidget(m_gatePage);
    m_gateButton->setFocus();
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_settings, this);
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

LocalDirectoryDialog* MainWindow::localDirectoryDialog() const
{
    return m_directoryDialog;
}

void MainWindow::openLocalDirectory()
{
    if (!m_services.directory || !isSignedIn() || m_locked)
        return;
    if (m_directoryDialog) {
        m_directoryDialog->raise();
        m_directoryDialog->activateWindow();
        return;
    }
    m_directoryDialog = new LocalDirectoryDialog(*m_services.directory, this);
    m_directoryDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_directoryDialog->open();
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
