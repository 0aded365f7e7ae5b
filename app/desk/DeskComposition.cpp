#include "app/desk/DeskComposition.h"

#include "core/signin/SignInCredentials.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "ui/arealist/AreaListView.h"
#include "ui/directory/LocalDirectoryDialog.h"
#include "ui/lookup/TriageView.h"
#include "ui/notices/NoticesView.h"
#include "ui/review/ReviewView.h"

#include <QCoreApplication>

#include <memory>

namespace cpis::desk {

namespace {

// The triage nurse's look-up: PDS trace, banner check, then CP-IS.
ui::MainWindow::RoleView triageView(DeskServices& services, const RoleViewOptions& options)
{
    QList<ui::TriageView::Scenario> scenarios;
    if (options.training)
        for (const auto& s : options.training->scenarios().scenarios())
            scenarios.append({s.nhsNumber, s.title});
    ui::MainWindow::RoleView view =
        ui::TriageView::roleView({&services.lookups(), services.clock(), &services.localDirectory(),
                                  scenarios, &services.patientSearch()});
    // Made at sign-in: the connections to PDS and CP-IS are opened then, before the first
    // look-up needs them.
    view.create = [inner = view.create, made = options.triageMade,
                   &services](const UserSession& session, QWidget* parent) -> QWidget* {
        QWidget* screen = inner(session, parent);
        services.warmConnections();
        if (auto* triage = qobject_cast<ui::TriageView*>(screen); triage && made)
            made(triage);
        return screen;
    };
    return view;
}

// The social worker's attendance notices; the screen owns the sign-in's NoticeService.
ui::MainWindow::RoleView noticesView(DeskServices& services, const RoleViewOptions& options)
{
    return {DeskFunction::Notices, QCoreApplication::translate("cpis::ui::NoticesView", "&Notices"),
            [&services, notifier = options.notifier,
             settings = options.notices](const UserSession& session, QWidget* parent) -> QWidget* {
                auto service = std::make_unique<NoticeService>(
                    services.meshClient(), services.notices(), services.auditor(),
                    *services.clock(), session, settings);
                return new ui::NoticesView(std::move(service), notifier, *services.clock(), parent);
            }};
}

// The safeguarding lead's review of the site's positives.
ui::MainWindow::RoleView reviewView(DeskServices& services)
{
    return {DeskFunction::Review, QCoreApplication::translate("main", "&Review"),
            [&services](const UserSession& session, QWidget* parent) -> QWidget* {
                return new ui::ReviewView(&services.review(), services.clock(), session, parent);
            }};
}

// The school nurse's and health visitor's children on plans in their area.
ui::MainWindow::RoleView areaListView(DeskServices& services)
{
    return {DeskFunction::AreaLists, QCoreApplication::translate("main", "A&rea list"),
            [&services](const UserSession& session, QWidget* parent) -> QWidget* {
                auto* view =
                    new ui::AreaListView(&services.areaLists(), session, services.clock(), parent);
                view->setExportFolder(services.config().profile.exportFolder);
                return view;
            }};
}

} // namespace

QList<ui::MainWindow::RoleView> roleViews(DeskServices& services, const RoleViewOptions& options)
{
    QList<ui::MainWindow::RoleView> views;
    for (const DeskFunction f : options.functions) {
        switch (f) {
        case DeskFunction::Notices:
            views.append(noticesView(services, options));
            break;
        case DeskFunction::Review:
            views.append(reviewView(services));
            break;
        case DeskFunction::AreaLists:
            views.append(areaListView(services));
            break;
        case DeskFunction::LookUp:
            views.append(triageView(services, options));
            break;
        case DeskFunction::AuditExport: // the command line's; no screen
            break;
        }
    }
    return views;
}

ui::MainWindow::Services windowServices(DeskServices& services, const RoleViewOptions& options)
{
    ui::MainWindow::Services deps;
    deps.transport = &services.transport();
    deps.clock = services.clock();
    deps.hub = services.hubForwarder();
    deps.audit = [&services](const UserSession& who, const AccessEvent& event) {
        return services.audit(who, event);
    };
    deps.saveAuditAnchor = [&services] { services.flushAuditAnchor(); };
    deps.tools.append(ui::LocalDirectoryDialog::tool(services.localDirectory()));
    deps.roleViews = roleViews(services, options);
    // Which of them a role sees: the administrator's mapping, as the command line reads it.
    deps.screens = services.config().profile.screens;
    deps.forgetSession = [&services] { services.forgetSession(); };
    return deps;
}

ui::MainWindow::Environment environment(const ServiceProfile& profile,
                                        sandbox::SandboxServer* sandbox,
                                        const AdministratorFile::Contents& admin)
{
    ui::MainWindow::Environment env;
    env.profile = profile.name;
    env.environment = profile.environment;
    env.signIn = profile.signIn;
    if (sandbox) {
        // Training signs in as live does, with a key made for this run that the sandbox knows.
        env.credentials = SignInCredentials::ephemeral();
        for (const QJsonObject& jwk : env.credentials.publicJwks())
            sandbox->cis2().registerKey(jwk);
    } else if (auto c = SignInCredentials::load(profile.signIn)) {
        env.credentials = c.value();
    } else {
        env.credentialsProblem = c.error();
    }
    env.pdsUrl = profile.pds;
    env.training = profile.isTraining();
    env.profiles = admin.names();
    env.site = profile.site;
    env.adminFile = admin.path.isEmpty() ? AdministratorFile::path() : admin.path;
    if (sandbox) {
        for (const auto& u : sandbox->signIn().users())
            env.testUsers.append({u.id, u.name, u.roleName, u.orgName});
    }
    return env;
}

} // namespace cpis::desk
