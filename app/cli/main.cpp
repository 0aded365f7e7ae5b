// cpis: the command line over the same core services as the desk (docs/cli.md).
// Wiring only: options -> DeskServices (+ the training sandbox) -> CliCommands.
#include "core/cli/CliCommands.h"
#include "core/cli/CliSession.h"
#include "core/crypto/ProcessHardening.h"
#include "core/crypto/SecretBytes.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/profile/AdministratorFile.h"
#include "core/signin/HeadlessSignIn.h"
#include "core/signin/SessionVault.h"
#include "core/signin/SignInCredentials.h"
#include "core/signin/SignInFlow.h"
#include "core/store/KeyStore.h"
#include "sandbox/endpoints/Cis2Realm.h"
#include "sandbox/server/SandboxCommandLine.h"
#include "sandbox/server/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <memory>

using cpis::CliCommands;

int main(int argc, char** argv)
{
    // Before any key, token or answer is in memory: no core file, no dump, freed memory wiped.
    cpis::ProcessHardening::apply(argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("cpis-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "CP-IS command line.\n\n"
        "Commands:\n"
        "  login                    sign in and keep the session in the keychain, where the\n"
        "                           administrator's profile allows it (cli-keeps-session)\n"
        "  logout                   end the stored session at NHS CIS2 and forget it\n"
        "  lookup <nhs-number>      check CP-IS for one person (exit codes: docs/cli.md);\n"
        "                           at an unscheduled-care site only with --confirmed-identity\n"
        "  history <nhs-number>     who has looked at this person's CP-IS record\n"
        "  audit verify             check the audit log has not been changed or cut short\n"
        "  audit export             write the audit log as FHIR NDJSON or CSV\n"
        "  audit status             how far the trust's audit hub has this desk's log\n"
        "  audit hub-password       keep the desk's hub password (read from stdin)\n"
        "  mesh-secrets             keep the notices mailbox's MESH password and the\n"
        "                           environment's shared key (two lines from stdin)\n"
        "  cache purge [--all]      remove answers past retention (or all)\n"
        "  cache stats              how many answers are cached, and how old\n"
        "  sandbox [options]        run the national-service sandbox (see cpis-sandbox --help)\n\n"
        "--profile is required: it names the service profile, among those the administrator\n"
        "allows in /etc/cpis-desk/desk.conf (docs/cli.md). '--profile training' runs against a\n"
        "sandbox started inside this process, signed in as the --as test user; every output\n"
        "then says TRAINING."));
    const QCommandLineOption helpOpt = parser.addHelpOption();
    const QCommandLineOption versionOpt = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Command to run."));
    const QCommandLineOption profileOpt(
        QStringLiteral("profile"),
        QStringLiteral("Service profile (required): 'training', or one the administrator allows."),
        QStringLiteral("name"));
    const QCommandLineOption asOpt(QStringLiteral("as"),
                                   QStringLiteral("Sandbox test user to sign in as."),
                                   QStringLiteral("user"), QStringLiteral("triage-nurse"));
    const QCommandLineOption userOpt(
        QStringLiteral("user"),
        QStringLiteral("Your CIS2 user ID (12 digits, printed by 'login'): a stored session is "
                       "used only by the CIS2 user it was made for."),
        QStringLiteral("uuid"));
    const QCommandLineOption storeOpt(QStringLiteral("store"),
                                      QStringLiteral("Folder of the encrypted store."),
                                      QStringLiteral("dir"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
                                     QStringLiteral("Print JSON (lookup, history)."));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
                                       QStringLiteral("Audit export format: ndjson or csv."),
                                       QStringLiteral("format"), QStringLiteral("ndjson"));
    const QCommandLineOption outputOpt(QStringLiteral("output"),
                                       QStringLiteral("Audit export file (default: stdout)."),
                                       QStringLiteral("file"));
    const QCommandLineOption allOpt(QStringLiteral("all"),
                                    QStringLiteral("cache purge: remove every answer."));
    const QCommandLineOption forceOpt(
        QStringLiteral("force"),
        QStringLiteral("audit export: replace an existing --output file (never a link)."));
    const QCommandLineOption confirmedOpt(
        QStringLiteral("confirmed-identity"),
        QStringLiteral("lookup: you have checked this NHS number belongs to the person in front "
                       "of you. Required at an unscheduled-care site, where the look-up notifies "
                       "the local authority; the command line has no banner to check."));
    for (const auto* o : {&profileOpt, &asOpt, &userOpt, &storeOpt, &jsonOpt, &formatOpt,
                          &outputOpt, &allOpt, &forceOpt, &confirmedOpt})
        parser.addOption(*o);

    // `cpis sandbox ...` hands its own options to the sandbox's command line.
    const QStringList rawArgs = app.arguments();
    if (rawArgs.size() >= 2 && rawArgs.at(1) == u"sandbox")
        return cpis::sandbox::runCommandLine(app, rawArgs.mid(1), QStringLiteral("cpis sandbox"));

    // parse(), not process(): an unknown option is bad input (exit 2, docs/cli.md), where
    // process() would exit 1 as if something local had failed.
    if (!parser.parse(rawArgs)) {
        err << "cpis: " << parser.errorText() << " (see cpis --help)\n";
        return CliCommands::BadInput;
    }
    if (parser.isSet(helpOpt))
        parser.showHelp(0);
    if (parser.isSet(versionOpt))
        parser.showVersion();
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        err << "cpis: no command given (see cpis --help)\n";
        return CliCommands::BadInput;
    }
    const QString command = args.first();
    const QString sub = args.value(1);
    static const QStringList known{QStringLiteral("login"),       QStringLiteral("logout"),
                                   QStringLiteral("lookup"),      QStringLiteral("history"),
                                   QStringLiteral("audit"),       QStringLiteral("cache"),
                                   QStringLiteral("mesh-secrets")};
    if (!known.contains(command)) {
        err << "cpis: unknown command '" << command << "' (see cpis --help)\n";
        return CliCommands::BadInput;
    }
    // Everything that can be checked without the keychain or the network is checked first.
    if (command == u"lookup" || command == u"history") {
        if (const int bad = CliCommands::checkNhsArgument(args.mid(1), err); bad >= 0)
            return bad;
    } else if ((command == u"audit" && sub != u"verify" && sub != u"export" && sub != u"status" &&
                sub != u"hub-password") ||
               (command == u"cache" && sub != u"purge" && sub != u"stats")) {
        err << "cpis: '" << command << "' needs one of: "
            << (command == u"audit" ? "verify, export, status, hub-password" : "purge, stats")
            << '\n';
        return CliCommands::BadInput;
    }
    // Never a default: an answer must not come from a service nobody named.
    if (!parser.isSet(profileOpt)) {
        err << "cpis: no --profile given. Name the service profile to use: '--profile training' "
               "for the built-in sandbox with synthetic data, or one the administrator allows "
               "(docs/cli.md).\n";
        return CliCommands::BadInput;
    }
    // The administrator's file decides which profiles exist here and the site type; a profile
    // that is not https outside training is refused by it, before anything is sent.
    const auto admin = cpis::AdministratorFile::load(cpis::AdministratorFile::path());
    if (!admin) {
        err << "cpis: the administrator's settings cannot be used: " << admin.error()
            << "\nNothing was sent.\n";
        return CliCommands::LocalFailure;
    }
    auto chosen = admin->choose(parser.value(profileOpt));
    if (!chosen) {
        err << "cpis: " << chosen.error() << '\n';
        return CliCommands::BadInput;
    }
    cpis::ServiceProfile profile = chosen.value();
    const bool training = profile.isTraining();
    // The desk asks CP-IS only after the user confirmed the patient banner; the command line
    // shows none, so at a site where a look-up notifies the local authority the user must say
    // that the identity was checked, before anything is sent.
    if (command == u"lookup" && profile.site == cpis::SiteType::UnscheduledCare &&
        !parser.isSet(confirmedOpt)) {
        err << "cpis: at an unscheduled-care site a look-up notifies the local authority, and "
               "the command line has no patient banner to check. Check that this NHS number "
               "belongs to the person in front of you, then run again with "
               "--confirmed-identity. Nothing was sent.\n";
        return CliCommands::IdentityNotConfirmed;
    }

    cpis::SystemClock clock;
    std::unique_ptr<cpis::sandbox::SandboxServer> sandbox;
    if (training) {
        sandbox =
            std::make_unique<cpis::sandbox::SandboxServer>(cpis::sandbox::SandboxServer::Options{});
        if (!sandbox->start()) {
            err << "cpis: the training sandbox could not start: " << sandbox->errorString() << '\n';
            return CliCommands::LocalFailure;
        }
        profile = profile.withSandbox(sandbox->baseUrl());
    }

    auto config =
        cpis::DeskServices::defaultConfig(profile, parser.value(storeOpt), QStringLiteral("cpis"));
    cpis::KeyStore keys(config.keychainService);
    auto services = cpis::DeskServices::create(config, &clock, keys);
    if (!services) {
        using Code = cpis::StoreError::Code;
        const auto& e = services.error();
        if (e.kind == cpis::DeskServices::Error::Kind::Profile) {
            err << "cpis: the service profile cannot be used: " << e.message
                << "\nNothing was sent.\n";
            return CliCommands::LocalFailure;
        }
        err << "cpis: the secure store could not be opened: " << e.message
            << "\nNothing was changed.";
        const bool keychain =
            e.storeCode == Code::KeychainUnavailable || e.storeCode == Code::KeychainLocked ||
            e.storeCode == Code::KeychainTimeout || e.storeCode == Code::KeyMissing;
        if (keychain)
            err << " (The store needs an unlocked keychain.)";
        err << '\n';
        return e.storeCode == Code::InUse ? CliCommands::StoreInUse : CliCommands::LocalFailure;
    }
    cpis::DeskServices& desk = *services.value();
    cpis::SessionVault vault(desk.keys(), config.environment());
    const QString asUser = parser.value(asOpt);

    // Training signs in with a key made for this run, known to its sandbox only.
    cpis::SignInCredentials credentials;
    QString credentialsProblem;
    if (sandbox) {
        credentials = cpis::SignInCredentials::ephemeral();
        for (const QJsonObject& jwk : credentials.publicJwks())
            sandbox->cis2().registerKey(jwk);
    } else if (auto c = cpis::SignInCredentials::load(profile.signIn)) {
        credentials = c.value();
    } else {
        credentialsProblem = c.error();
    }
    using Give = std::function<void(const cpis::Result<cpis::UserSession, QString>&)>;
    // A sign-in in the system browser (RFC 8252): the address is printed for the user to open.
    auto interactive = [&](Give give) {
        if (!credentialsProblem.isEmpty()) {
            give(credentialsProblem);
            return;
        }
        auto* flow = new cpis::SignInFlow(&desk.transport(), &clock, profile.signIn, credentials,
                                          nullptr, &desk);
        QObject::connect(flow, &cpis::SignInFlow::authorizationUrlReady, flow,
                         [&err](const QUrl& url) {
                             err << "cpis: sign in with NHS CIS2 in your browser at:\n  "
                                 << url.toString(QUrl::FullyEncoded) << '\n';
                             err.flush();
                         });
        QObject::connect(flow, &cpis::SignInFlow::signedIn, flow,
                         [flow, give](const cpis::UserSession& s) {
                             flow->deleteLater();
                             give(s);
                         });
        QObject::connect(flow, &cpis::SignInFlow::failed, flow, [flow, give](const QString& m) {
            flow->deleteLater();
            give(m);
        });
        flow->start();
    };
    // Training signs in afresh each time as the --as test user. Elsewhere each command signs in,
    // unless the administrator lets the command line keep a session: then the one `login`
    // stored, for its own CIS2 user only and never past its platform token's expiry.
    auto signIn = [&](Give give) {
        if (training)
            cpis::HeadlessSignIn::start(&desk.transport(), &clock, profile.signIn, credentials,
                                        asUser, &desk, give);
        else
            interactive(give);
    };
    cpis::CliSession sessions(vault, &clock, !training && profile.signIn.cliKeepsSession,
                              parser.value(userOpt), signIn, err);
    CliCommands::SessionSource session = [&](Give give) { sessions.session(give); };
    CliCommands commands(desk, session, out, err);
    // Text on standard output opens with the environment; JSON carries it as a field, and an
    // audit export written to standard output carries it in every entry.
    const bool exportToStdout =
        command == u"audit" && sub == u"export" &&
        (parser.value(outputOpt).isEmpty() || parser.value(outputOpt) == u"-");
    if (!parser.isSet(jsonOpt) && !exportToStdout)
        commands.printEnvironment();

    int exitCode = CliCommands::LocalFailure;
    bool finished = false;
    auto finish = [&](int code) {
        exitCode = code;
        finished = true;
        QCoreApplication::exit(code);
    };
    const auto nhsArg = [&] { return cpis::NhsNumber::parse(args.value(1)).value(); };
    if (command == u"lookup") {
        commands.lookup(nhsArg(), parser.isSet(jsonOpt), finish);
    } else if (command == u"history") {
        commands.history(nhsArg(), parser.isSet(jsonOpt), finish);
    } else if (command == u"login") {
        if (training) {
            out << "Training mode signs in automatically as '" << asUser
                << "' for each command; name another profile to sign in to a service.\n";
            return CliCommands::Ok;
        }
        if (!profile.signIn.cliKeepsSession) {
            err << "cpis: the administrator's profile keeps no sign-in between commands "
                   "(cli-keeps-session); each command signs in when it needs to.\n";
            return CliCommands::BadInput;
        }
        sessions.login([&](const cpis::Result<cpis::UserSession, QString>& s) {
            if (!s) {
                err << "cpis: sign-in failed: " << s.error() << '\n';
                finish(CliCommands::NotSignedIn);
                return;
            }
            cpis::AccessEvent ev;
            ev.action = cpis::AuditEntry::Action::SignIn;
            ev.outcome = cpis::AuditEntry::Outcome::Success;
            (void)desk.audit(s.value(), ev);
            out << "Signed in as " << s->name << " (CIS2 user " << s->userId << "), " << s->roleName
                << ", " << s->organisationName << ".\n"
                << "The session is kept until " << s->accessExpiresUtc.toString(Qt::ISODate)
                << " for this CIS2 user only: give --user " << s->userId << " to each command.\n";
            out.flush();
            finish(CliCommands::Ok);
        });
    } else if (command == u"logout") {
        auto taken = sessions.takeStored();
        if (!taken) {
            err << "cpis: " << taken.error() << '\n';
            return CliCommands::LocalFailure;
        }
        if (!taken.value()) {
            out << "No session is stored.\n";
            return commands.anchored(CliCommands::Ok);
        }
        cpis::UserSession stored = *taken.value();
        cpis::wipe(*taken.value());
        cpis::AccessEvent ev;
        ev.action = cpis::AuditEntry::Action::SignOut;
        ev.outcome = cpis::AuditEntry::Outcome::Success;
        (void)desk.audit(stored, ev);
        // Out of the keychain already; now the provider ends the session and revokes what it
        // can. Whatever it answers, no token outlasts this command.
        auto* flow = new cpis::SignInFlow(&desk.transport(), &clock, profile.signIn, credentials,
                                          nullptr, &desk);
        flow->signOut(stored, [&, flow](const QStringList& problems) {
            flow->deleteLater();
            if (problems.isEmpty()) {
                out << "Signed out: the session is ended at NHS CIS2 and no token is kept.\n";
                out.flush();
                finish(CliCommands::Ok);
                return;
            }
            err << "cpis: signed out here and no token is kept, but:\n";
            for (const QString& p : problems)
                err << "  " << p << '\n';
            if (!credentialsProblem.isEmpty())
                err << "  (the sign-in keys cannot be used: " << credentialsProblem << ")\n";
            err.flush();
            finish(CliCommands::CouldNotCheck);
        });
        cpis::wipe(stored);
    } else if (command == u"audit" && sub == u"verify") {
        return commands.auditVerify();
    } else if (command == u"audit" && sub == u"status") {
        return commands.auditStatus();
    } else if (command == u"audit" && sub == u"hub-password") {
        QTextStream in(stdin);
        return commands.auditHubPassword(in);
    } else if (command == u"mesh-secrets") {
        QTextStream in(stdin);
        return commands.meshSecrets(in);
    } else if (command == u"audit") {
        // Signed in like every other command: the export's own entry names that user.
        commands.auditExport(parser.value(formatOpt), parser.value(outputOpt),
                             parser.isSet(forceOpt), finish);
    } else if (command == u"cache" && sub == u"purge") {
        return commands.anchored(commands.cachePurge(parser.isSet(allOpt)));
    } else {
        return commands.anchored(commands.cacheStats());
    }
    // A command may end before the event loop runs (a stored session that is missing): exit()
    // would then be lost and exec() would never return.
    if (!finished)
        app.exec();
    // The anchor is saved once, after the answer is printed: not on the look-up's path.
    return commands.anchored(exitCode);
}
