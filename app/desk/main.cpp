// cpis-desk: wires the parts together; no logic of its own.
#include "AreaListView.h"
#include "Clock.h"
#include "DeskServices.h"
#include "DeskSettings.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "ScenarioCatalogue.h"
#include "SignInService.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace {

int fail(bool quiet, const QString& message)
{
    QTextStream(stderr) << "cpis-desk: " << message << '\n';
    if (!quiet)
        QMessageBox::critical(nullptr, QApplication::translate("main", "CP-IS Desk"), message);
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cpis-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("CP-IS Desk"));
    QApplication::setOrganizationName(QStringLiteral("cpis-desk"));
    QApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cpis-desk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cpis-desk.png")));

    cpis::ui::Translations translations;
    translations.install(QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Child Protection - Information Sharing desk client."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trainingOpt(
        QStringLiteral("training"),
        QApplication::translate("main", "Run against the built-in sandbox with synthetic data."));
    const QCommandLineOption storeOpt(
        QStringLiteral("store"), QApplication::translate("main", "Folder of the encrypted store."),
        QStringLiteral("dir"));
    const QCommandLineOption demoUserOpt(
        QStringLiteral("demo-user"),
        QApplication::translate("main", "Training: sign in as this test user on start."),
        QStringLiteral("user"));
    const QCommandLineOption demoLookupOpt(
        QStringLiteral("demo-lookup"),
        QApplication::translate("main", "Training: look this number up and confirm the banner."),
        QStringLiteral("nhs"));
    const QCommandLineOption demoNoConfirmOpt(
        QStringLiteral("demo-no-confirm"),
        QApplication::translate("main", "Training: leave the banner unconfirmed."));
    const QCommandLineOption demoOfflineOpt(
        QStringLiteral("demo-offline"),
        QApplication::translate("main", "Training: stop the sandbox after a first look-up and "
                                        "look up again (the offline copy)."));
    const QCommandLineOption demoLockOpt(
        QStringLiteral("demo-lock"),
        QApplication::translate("main", "Training: lock the desk after the demo look-up."));
    const QCommandLineOption captureOpt(
        QStringLiteral("capture"),
        QApplication::translate("main", "Save the window as PNG after the demo, then quit."),
        QStringLiteral("png"));
    for (const auto* o : {&trainingOpt, &storeOpt, &demoUserOpt, &demoLookupOpt, &demoNoConfirmOpt,
                          &demoOfflineOpt, &demoLockOpt, &captureOpt})
        parser.addOption(*o);
    // Area lists (issue 7)
    const QCommandLineOption demoAreaListOpt(
        QStringLiteral("demo-area-list"),
        QApplication::translate("main", "Training: open the area list after the demo sign-in "
                                        "and sync its first area."));
    const QCommandLineOption demoAreaFilterOpt(
        QStringLiteral("demo-area-filter"),
        QApplication::translate("main", "Training: then filter the area list by this text."),
        QStringLiteral("text"));
    parser.addOption(demoAreaFilterOpt);
    parser.addOption(demoAreaListOpt);
    parser.process(app);
    const bool capture = parser.isSet(captureOpt);

    QSettings stored;
    const cpis::ui::DeskSettings settings = cpis::ui::DeskSettings::load(stored);
    const bool training = parser.isSet(trainingOpt) || settings.isTraining();

    cpis::SystemClock clock;
    std::unique_ptr<cpis::sandbox::SandboxServer> sandbox;
    QUrl serviceUrl = settings.serviceUrl;
    if (training) {
        sandbox =
            std::make_unique<cpis::sandbox::SandboxServer>(cpis::sandbox::SandboxServer::Options{});
        if (!sandbox->start())
            return fail(capture,
                        QApplication::translate("main", "The training sandbox could not start: %1")
                            .arg(sandbox->errorString()));
        serviceUrl = sandbox->baseUrl();
    }

    auto config = cpis::DeskServices::defaultConfig(serviceUrl, training, parser.value(storeOpt),
                                                    QStringLiteral("cpis-desk"));
    config.site = settings.site;
    config.store.cache.retentionSecs = qint64(settings.cacheRetentionHours) * 3600;
    auto services = cpis::DeskServices::create(config, &clock);
    if (!services)
        // No plaintext fallback: without the keychain there is no desk.
        return fail(capture,
                    QApplication::translate(
                        "main", "The secure store could not be opened: %1\n\nCP-IS Desk needs "
                                "an unlocked system keychain to protect its data, and will not "
                                "run without one. Nothing was changed.")
                        .arg(services.error().message));
    cpis::DeskServices& desk = *services.value();

    cpis::ui::MainWindow::Environment env;
    env.serviceUrl = serviceUrl;
    env.training = training;
    if (sandbox) {
        for (const auto& u : sandbox->signIn().users())
            env.testUsers.append({u.id, u.name, u.roleName, u.orgName});
        for (const auto& s : sandbox->scenarios().scenarios())
            env.scenarios.append({s.nhsNumber, s.title});
    }
    cpis::ui::MainWindow::Services deps;
    deps.lookups = &desk.lookups();
    deps.network = &desk.network();
    deps.clock = &clock;
    deps.audit = [&desk](const cpis::UserSession& who, const cpis::AccessEvent& ev) {
        return desk.audit(who, ev);
    };
    deps.directory = &desk.store().localDirectory();
    // Area lists (issue 7): school nurses and health visitors.
    deps.roleViews.append(
        {cpis::DeskFunction::AreaLists, QApplication::translate("main", "&Area list"),
         [&desk, &clock](const cpis::UserSession& s, QWidget* parent) -> QWidget* {
             return new cpis::ui::AreaListView(&desk.areaLists(), s, &clock, parent);
         }});
    cpis::ui::MainWindow window(env, deps, settings);
    window.show();

    // Demo and capture: the scripted path for docs/screenshots (training only).
    const QString captureFile = parser.value(captureOpt);
    auto finish = [&] {
        if (!capture)
            return;
        QTimer::singleShot(400, &window, [&] {
            const bool saved = window.grab().save(captureFile);
            QApplication::exit(saved ? 0 : 1);
        });
    };
    const QString lookupNumber = parser.value(demoLookupOpt);
    QObject::connect(&window, &cpis::ui::MainWindow::signInFailed, &window,
                     [&](const QString& why) {
                         QTextStream(stderr) << "cpis-desk: demo sign-in failed: " << why << '\n';
                         QApplication::exit(1);
                     });
    bool offlineDone = !parser.isSet(demoOfflineOpt);
    QObject::connect(&window, &cpis::ui::MainWindow::lookupAnswered, &window, [&] {
        if (!offlineDone) {
            offlineDone = true;
            QTimer::singleShot(0, &window, [&] {
                sandbox.reset(); // the service goes away: the next answer is the offline copy
                window.lookUp(lookupNumber);
            });
            return;
        }
        if (parser.isSet(demoNoConfirmOpt)) {
            finish();
            return;
        }
        if (window.awaitsConfirmation())
            window.confirmBanner();
        if (parser.isSet(demoLockOpt))
            window.lock();
        finish();
    });
    if (training && (parser.isSet(demoUserOpt) || parser.isSet(demoLookupOpt) ||
                     parser.isSet(demoAreaListOpt))) {
        QObject::connect(&window, &cpis::ui::MainWindow::signedIn, &window, [&] {
            // Area lists (issue 7): the list screen, synced, as the screenshots show it.
            auto* list = qobject_cast<cpis::ui::AreaListView*>(
                window.functionView(cpis::DeskFunction::AreaLists));
            if (parser.isSet(demoAreaListOpt) && list) {
                window.functionTabs()->setCurrentWidget(list);
                QObject::connect(list, &cpis::ui::AreaListView::areasLoaded, list,
                                 [&, list] { list->startSync(); });
                QObject::connect(&desk.areaLists(), &cpis::AreaListService::finished, list,
                                 [&, list] {
                                     list->setFilter(parser.value(demoAreaFilterOpt));
                                     finish();
                                 });
                return;
            }
            if (!lookupNumber.isEmpty())
                window.lookUp(lookupNumber);
            else
                finish();
        });
        window.signInAs(parser.isSet(demoUserOpt) ? parser.value(demoUserOpt)
                                                  : QStringLiteral("triage-nurse"));
    } else {
        QTimer::singleShot(0, &window, &cpis::ui::MainWindow::beginSignIn);
        if (capture)
            QTimer::singleShot(800, &window, [&] {
                if (auto* d = window.signInDialog()) {
                    // The dialog is its own window: capture it beside the main one.
                    d->grab().save(
                        QString(captureFile)
                            .replace(QStringLiteral(".png"), QStringLiteral("-dialog.png")));
                }
                finish();
            });
    }
    return app.exec();
}
