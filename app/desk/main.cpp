// cpis-desk: wires the parts together; no logic of its own.
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "ui/arealist/AreaListView.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/lookup/TriageView.h"
#include "ui/notices/NoticeFilterModel.h"
#include "ui/notices/NoticesView.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/DeskSettings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Translations.h"
#include "ui/shell/TrayNotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
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

// The command line, shared by the text-only start (--help, --version) and the desk.
struct Options
{
    QCommandLineOption training{
        QStringLiteral("training"),
        QCoreApplication::translate("main",
                                    "Run against the built-in sandbox with synthetic data.")};
    QCommandLineOption store{QStringLiteral("store"),
                             QCoreApplication::translate("main", "Folder of the encrypted store."),
                             QStringLiteral("dir")};
    QCommandLineOption demoUser{
        QStringLiteral("demo-user"),
        QCoreApplication::translate("main", "Training: sign in as this test user on start."),
        QStringLiteral("user")};
    QCommandLineOption demoLookup{
        QStringLiteral("demo-lookup"),
        QCoreApplication::translate("main",
                                    "Training: look this number up and confirm the banner."),
        QStringLiteral("nhs")};
    QCommandLineOption demoNoConfirm{
        QStringLiteral("demo-no-confirm"),
        QCoreApplication::translate("main", "Training: leave the banner unconfirmed.")};
    QCommandLineOption demoOffline{
        QStringLiteral("demo-offline"),
        QCoreApplication::translate("main",
                                    "Training: stop the sandbox after a first look-up and "
                                    "look up again (the offline copy).")};
    QCommandLineOption demoLock{
        QStringLiteral("demo-lock"),
        QCoreApplication::translate("main", "Training: lock the desk after the demo look-up.")};
    // Attendance notices demo (issue 7).
    QCommandLineOption demoNotice{
        QStringLiteral("demo-notice"),
        QCoreApplication::translate("main",
                                    "Training: after the first check for attendance notices, "
                                    "open the n-th one (from 1)."),
        QStringLiteral("n")};
    QCommandLineOption demoAcknowledge{
        QStringLiteral("demo-acknowledge"),
        QCoreApplication::translate("main",
                                    "Training: acknowledge the opened notice and show the "
                                    "acknowledged ones.")};
    QCommandLineOption demoReview{
        // issue 7
        QStringLiteral("demo-review"),
        QCoreApplication::translate("main",
                                    "Training: open the review screen once it has refreshed "
                                    "(sign in as safeguarding-lead).")};
    // Area lists (issue 7)
    QCommandLineOption demoAreaList{
        QStringLiteral("demo-area-list"),
        QCoreApplication::translate("main",
                                    "Training: open the area list after the demo sign-in "
                                    "and sync its first area.")};
    QCommandLineOption demoAreaFilter{
        QStringLiteral("demo-area-filter"),
        QCoreApplication::translate("main", "Training: then filter the area list by this text."),
        QStringLiteral("text")};
    QCommandLineOption capture{
        QStringLiteral("capture"),
        QCoreApplication::translate("main", "Save the window as PNG after the demo, then quit."),
        QStringLiteral("png")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Child Protection - Information Sharing desk client."));
        parser.addHelpOption();
        parser.addVersionOption();
        for (const auto* o :
             {&training, &store, &demoUser, &demoLookup, &demoNoConfirm, &demoOffline, &demoLock,
              &demoNotice, &demoAcknowledge, &demoReview, &demoAreaList, &demoAreaFilter, &capture})
            parser.addOption(*o);
    }
};

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
}

// The language the settings ask for, else the system's.
QLocale uiLocale()
{
    QSettings stored;
    return cpis::ui::DeskSettings::load(stored).uiLocale();
}

// --help and --version only print, so they must work where there is no display (a server,
// a package check in a chroot): answer them before QApplication needs a platform plugin.
bool onlyPrints(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--version" || a == "-v" || a == "--help" || a == "-h" || a == "--help-all" ||
            a == "-?")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication core(argc, argv);
        setIdentity();
        cpis::ui::Translations translations;
        translations.install(uiLocale());
        QCommandLineParser parser;
        const Options options;
        options.addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("CP-IS Desk"));
    QApplication::setDesktopFileName(QStringLiteral("invalid.example.cpisdesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cpis-desk.png")));

    QSettings stored;
    const cpis::ui::DeskSettings settings = cpis::ui::DeskSettings::load(stored);
    cpis::ui::Translations translations;
    translations.install(settings.uiLocale());

    QCommandLineParser parser;
    const Options opt;
    opt.addTo(parser);
    parser.process(app);
    const bool capture = parser.isSet(opt.capture);
    const bool training = parser.isSet(opt.training) || settings.isTraining();

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

    auto config = cpis::DeskServices::defaultConfig(serviceUrl, training, parser.value(opt.store),
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
    QList<cpis::ui::TriageView::Scenario> scenarios; // training help panel
    if (sandbox) {
        for (const auto& u : sandbox->signIn().users())
            env.testUsers.append({u.id, u.name, u.roleName, u.orgName});
        for (const auto& s : sandbox->scenarios().scenarios())
            scenarios.append({s.nhsNumber, s.title});
    }
    cpis::ui::MainWindow::Services deps;
    deps.network = &desk.network();
    deps.clock = &clock;
    deps.audit = [&desk](const cpis::UserSession& who, const cpis::AccessEvent& ev) {
        return desk.audit(who, ev);
    };
    deps.tools.append(cpis::ui::LocalDirectoryDialog::tool(desk.store().localDirectory()));
    // Triage look-up for those whose role may view CP-IS.
    deps.roleViews.append(cpis::ui::TriageView::roleView(
        {&desk.lookups(), &clock, &desk.store().localDirectory(), scenarios}));
    // Attendance notices for social workers (issue 7).
    cpis::ui::TrayNotifier tray(QApplication::windowIcon());
    deps.roleViews.append(cpis::ui::NoticesView::roleView(
        {&desk.noticeClient(), &desk.store().notices(), &desk.auditor(), &clock, &tray, {}}));
    // Issue 7: the safeguarding lead's review of the site's positives.
    deps.roleViews.append({cpis::DeskFunction::Review, QApplication::translate("main", "&Review"),
                           [&desk, &clock](const cpis::UserSession& s, QWidget* parent) {
                               return new cpis::ui::ReviewView(&desk.review(), &clock, s, parent);
                           }});
    // Area lists (issue 7): school nurses and health visitors.
    deps.roleViews.append(
        {cpis::DeskFunction::AreaLists, QApplication::translate("main", "A&rea list"),
         [&desk, &clock](const cpis::UserSession& s, QWidget* parent) -> QWidget* {
             return new cpis::ui::AreaListView(&desk.areaLists(), s, &clock, parent);
         }});
    cpis::ui::MainWindow window(env, deps, settings);
    window.show();

    // Demo and capture: the scripted path for docs/screenshots (training only).
    const QString captureFile = parser.value(opt.capture);
    auto finish = [&] {
        if (!capture)
            return;
        QTimer::singleShot(400, &window, [&] {
            const bool saved = window.grab().save(captureFile);
            QApplication::exit(saved ? 0 : 1);
        });
    };
    const QString lookupNumber = parser.value(opt.demoLookup);
    QObject::connect(&window, &cpis::ui::MainWindow::signInFailed, &window,
                     [&](const QString& why) {
                         QTextStream(stderr) << "cpis-desk: demo sign-in failed: " << why << '\n';
                         QApplication::exit(1);
                     });
    bool offlineDone = !parser.isSet(opt.demoOffline);
    auto demoLookUp = [&](cpis::ui::TriageView* triage) {
        QObject::connect(triage, &cpis::ui::TriageView::lookupAnswered, triage, [&, triage] {
            if (!offlineDone) {
                offlineDone = true;
                QTimer::singleShot(0, triage, [&, triage] {
                    sandbox.reset(); // the service goes away: the next answer is the offline copy
                    triage->lookUp(lookupNumber);
                });
                return;
            }
            if (parser.isSet(opt.demoNoConfirm)) {
                finish();
                return;
            }
            if (triage->awaitsConfirmation())
                triage->confirmBanner();
            if (parser.isSet(opt.demoLock))
                QTimer::singleShot(0, &window, &cpis::ui::MainWindow::lock);
            finish();
        });
        triage->lookUp(lookupNumber);
    };
    if (training && (parser.isSet(opt.demoUser) || parser.isSet(opt.demoLookup) ||
                     parser.isSet(opt.demoAreaList))) {
        QObject::connect(&window, &cpis::ui::MainWindow::signedIn, &window, [&] {
            // Area lists (issue 7): the list screen, synced, as the screenshots show it.
            auto* list = qobject_cast<cpis::ui::AreaListView*>(
                window.functionView(cpis::DeskFunction::AreaLists));
            if (parser.isSet(opt.demoAreaList) && list) {
                window.functionTabs()->setCurrentWidget(list);
                QObject::connect(list, &cpis::ui::AreaListView::areasLoaded, list,
                                 [&, list] { list->startSync(); });
                QObject::connect(&desk.areaLists(), &cpis::AreaListService::finished, list,
                                 [&, list] {
                                     list->setFilter(parser.value(opt.demoAreaFilter));
                                     finish();
                                 });
                return;
            }
            // Issue 7: the review screen, once its refresh has answered.
            if (auto* review = qobject_cast<cpis::ui::ReviewView*>(
                    window.functionView(cpis::DeskFunction::Review));
                review && parser.isSet(opt.demoReview)) {
                window.functionTabs()->setCurrentWidget(review);
                QObject::connect(review, &cpis::ui::ReviewView::refreshFinished, &window, finish);
                return;
            }
            auto* notices = qobject_cast<cpis::ui::NoticesView*>(
                window.functionView(cpis::DeskFunction::Notices));
            if (notices && parser.isSet(opt.demoNotice)) {
                // Attendance notices (issue 7): wait for the first check, open one.
                QObject::connect(
                    &notices->service(), &cpis::NoticeService::checked, notices,
                    [&, notices] {
                        const int row = parser.value(opt.demoNotice).toInt() - 1;
                        notices->table()->setFocus();
                        notices->table()->setCurrentIndex(notices->filter()->index(row, 0));
                        if (!parser.isSet(opt.demoAcknowledge)) {
                            finish();
                            return;
                        }
                        QObject::connect(
                            &notices->service(), &cpis::NoticeService::acknowledgeFinished, notices,
                            [&, notices] {
                                notices->statusTabs()->setCurrentIndex(1);
                                notices->table()->setCurrentIndex(notices->filter()->index(0, 0));
                                finish();
                            });
                        notices->acknowledgeButton()->click();
                    },
                    Qt::SingleShotConnection);
                return;
            }
            auto* triage = qobject_cast<cpis::ui::TriageView*>(
                window.functionView(cpis::DeskFunction::LookUp));
            if (triage && !lookupNumber.isEmpty())
                demoLookUp(triage);
            else
                finish();
        });
        window.signInAs(parser.isSet(opt.demoUser) ? parser.value(opt.demoUser)
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
