#include "app/desk/Desk.h"

#include "app/desk/DeskComposition.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "sandbox/server/SandboxServer.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/TrayNotifier.h"

#include <QApplication>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

namespace cpis::desk {

void Desk::setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
}

ui::DeskSettings Desk::storedSettings()
{
    QSettings stored;
    return ui::DeskSettings::load(stored);
}

Result<std::unique_ptr<Desk>, QString> Desk::open(const Options& options, const Clock& clock)
{
    std::unique_ptr<Desk> desk(new Desk);
    desk->m_clock = &clock;
    AdministratorFile::Contents admin = options.admin;
    if (admin.profiles.isEmpty())
        admin.profiles = {ServiceProfile::training()};
    // The user's choice stands only while the administrator allows it.
    const QString wanted = options.training ? ServiceProfile::kTraining : options.settings.profile;
    auto chosen = admin.choose(wanted);
    if (!chosen && options.training)
        return QApplication::translate("main", "Training mode is not allowed here: %1")
            .arg(chosen.error());
    ServiceProfile profile = chosen ? chosen.value() : admin.profiles.first();
    if (profile.isTraining()) {
        desk->m_sandbox =
            std::make_unique<sandbox::SandboxServer>(sandbox::SandboxServer::Options{});
        if (!desk->m_sandbox->start())
            return QApplication::translate("main", "The training sandbox could not start: %1")
                .arg(desk->m_sandbox->errorString());
        profile = profile.withSandbox(desk->m_sandbox->baseUrl());
    }

    auto config =
        DeskServices::defaultConfig(profile, options.storeDirectory, QStringLiteral("cpis-desk"));
    config.store.cache.retentionSecs = qint64(options.settings.cacheRetentionHours) * 3600;
    desk->m_keys = std::make_unique<KeyStore>(config.keychainService);
    auto services = DeskServices::create(config, &clock, *desk->m_keys);
    if (!services && services.error().kind == DeskServices::Error::Kind::Profile)
        return QApplication::translate("main", "The service profile cannot be used: %1\n\n"
                                               "Nothing was sent. Ask your administrator.")
            .arg(services.error().message);
    if (!services && services.error().storeCode == StoreError::Code::InUse)
        return QApplication::translate("main", "This store is already open in another program: "
                                               "%1\n\nClose the other CP-IS Desk or cpis first. "
                                               "Nothing was changed.")
            .arg(services.error().message);
    if (!services)
        // No plaintext fallback: without the keychain there is no desk.
        return QApplication::translate(
                   "main", "The secure store could not be opened: %1\n\nCP-IS Desk needs "
                           "an unlocked system keychain to protect its data, and will not "
                           "run without one. Nothing was changed.")
            .arg(services.error().message);
    desk->m_services = std::move(services.value());

    desk->m_tray = std::make_unique<ui::TrayNotifier>(QApplication::windowIcon());
    RoleViewOptions roles;
    roles.notifier = desk->m_tray.get();
    roles.training = desk->m_sandbox.get();
    Desk* self = desk.get();
    roles.triageMade = [self](ui::TriageView* triage) { self->onTriageMade(triage); };
    desk->m_window = std::make_unique<ui::MainWindow>(
        environment(profile, desk->m_sandbox.get(), admin),
        windowServices(*desk->m_services, roles), options.settings);
    ui::MainWindow* window = desk->m_window.get();
    QObject::connect(desk->m_services.get(), &DeskServices::auditAnchorFailed, window,
                     &ui::MainWindow::showAuditAnchorProblem);
    QObject::connect(desk->m_services.get(), &DeskServices::auditAnchorSaved, window,
                     &ui::MainWindow::clearAuditAnchorProblem);
    if (desk->m_services->auditAnchorFailing())
        window->showAuditAnchorProblem(
            desk->m_services->store().audit().anchorStatus().error().message);
    return Result<std::unique_ptr<Desk>, QString>(std::move(desk));
}

Desk::~Desk()
{
    m_window.reset(); // its screens hold the services and the tray
}

void Desk::show()
{
    m_window->show();
    QTimer::singleShot(0, m_window.get(), &ui::MainWindow::beginSignIn);
}

void Desk::stopSandbox()
{
    m_sandbox.reset();
}

void Desk::comeToFront()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void Desk::onTriageMade(ui::TriageView* triage)
{
    m_triage = triage;
    if (!m_waiting)
        return;
    Launch launch = std::move(*m_waiting);
    m_waiting.reset();
    // A number waits for the sign-in only so long, and only for the user it was handed to: a
    // stale one, or one meant for the locked session of someone else, is never looked up.
    const bool stale = launch.heldAtUtc.secsTo(m_clock->nowUtc()) > kLaunchHoldSecs;
    const bool someoneElse =
        !launch.heldFor.isEmpty() && launch.heldFor != m_window->session().userId;
    if (stale || someoneElse)
        return;
    // Once the window has put the new screen in its place.
    QTimer::singleShot(0, triage,
                       [this, triage, launch] { lookUpOn(triage, launch.nhs, launch.done); });
}

void Desk::lookUpFromLaunch(const NhsNumber& nhs, Outcome done)
{
    comeToFront();
    if (!m_triage) {
        // Signed out or locked: the sign-in comes first; the number is looked up after it,
        // if that is soon and, on a locked desk, by the user who locked it (onTriageMade).
        const QString lockedFor = m_window->isLocked() ? m_window->lockedBy().userId : QString();
        m_waiting = Launch{nhs, {}, m_clock->nowUtc(), lockedFor};
        if (done)
            done("waiting-for-sign-in");
        return;
    }
    lookUpOn(m_triage, nhs, std::move(done));
}

void Desk::lookUpOn(ui::TriageView* triage, const NhsNumber& nhs, Outcome done)
{
    if (QTabWidget* tabs = m_window->functionTabs()) {
        const int index = tabs->indexOf(triage);
        if (index >= 0)
            tabs->setCurrentIndex(index);
    }
    if (done) {
        QObject::connect(
            triage, &ui::TriageView::lookupAnswered, triage,
            [triage, done] { done(triage->awaitsConfirmation() ? "banner-shown" : "answered"); },
            Qt::SingleShotConnection);
    }
    triage->lookUp(nhs.digits());
}

} // namespace cpis::desk
