// The desk as cpis-desk composes it (DeskComposition over DeskServices, in-memory keys), against
// a sandbox in another process, driven from standard input by tst_memoryscan: it signs in,
// looks up a child on a plan, and on "lock" locks and signs out. After each step it says
// "ready" and waits, so that the test can read its memory. Only the token's hex goes out, never
// the token itself, so that what it prints leaves no copy of what is searched for.
// Sign-in is live's: the desk's own client and platform keys, made for this run, which the
// sandbox trusts because the child writes their public JWKS for it (`--client-jwks`) before the
// test starts the sandbox and hands the child its address.
#include "app/desk/DeskComposition.h"
#include "core/crypto/ProcessHardening.h"
#include "core/crypto/SecretBytes.h"
#include "core/signin/SignInCredentials.h"
#include "tests/support/MemoryDesk.h"
#include "ui/lookup/TriageView.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <iostream>
#include <string>

using namespace cpis;

namespace {
void say(const std::string& line)
{
    std::cout << line << std::endl;
}

bool waitFor(const std::function<bool()>& done)
{
    return QTest::qWaitFor(done, 20000);
}
} // namespace

int main(int argc, char** argv)
{
    ProcessHardening::apply(argv); // as cpis-desk does
    QApplication app(argc, argv);
    if (argc < 3) {
        say("usage: memscan_child <jwks-file-to-write> <nhs-number-in-hex>  (then the sandbox's "
            "address on standard input)");
        return 2;
    }
    const SignInCredentials credentials = SignInCredentials::ephemeral();
    {
        QJsonArray keys;
        for (const QJsonObject& jwk : credentials.publicJwks())
            keys.append(jwk);
        QFile jwks(QString::fromLocal8Bit(argv[1]));
        if (keys.isEmpty() || !jwks.open(QIODevice::WriteOnly) ||
            jwks.write(QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson()) < 0) {
            say("error: cannot write the JWKS");
            return 1;
        }
    }
    say("jwks written");
    std::string address;
    if (!std::getline(std::cin, address)) {
        say("error: no sandbox address");
        return 1;
    }
    const QUrl base(QString::fromStdString(address));
    {
        testsupport::MemoryDesk stack(base);
        desk::RoleViewOptions roles;
        roles.functions = {DeskFunction::LookUp};
        auto env = desk::environment(stack.services->config().profile, nullptr);
        env.credentials = credentials;
        env.credentialsProblem.clear();
        ui::MainWindow window(env, desk::windowServices(*stack.services, roles),
                              ui::DeskSettings());
        window.show();
        QString signInError;
        QObject::connect(&window, &ui::MainWindow::signInFailed,
                         [&signInError](const QString& why) { signInError = why; });
        window.signInAs(QStringLiteral("triage-nurse"));
        if (!waitFor([&] { return window.isSignedIn(); })) {
            say("error: no sign-in: " + signInError.toStdString());
            return 1;
        }
        auto* triage = qobject_cast<ui::TriageView*>(window.functionView(DeskFunction::LookUp));
        if (!triage) {
            say("error: no look-up screen");
            return 1;
        }
        QSignalSpy answered(triage, &ui::TriageView::lookupAnswered);
        {
            // Given in hex, so that the command line (on the stack) holds no copy of it.
            QByteArray digits = QByteArray::fromHex(argv[2]);
            QString nhs = QString::fromLatin1(digits);
            wipe(digits);
            triage->lookUp(nhs);
            wipe(nhs);
        }
        if (!answered.wait(20000)) {
            say("error: no answer");
            return 1;
        }
        // The confirmation asks CP-IS: the answer is in memory once the section shows it.
        QSignalSpy shown(triage, &ui::TriageView::resultShown);
        triage->confirmBanner();
        if (!shown.wait(20000)) {
            say("error: no CP-IS answer");
            return 1;
        }
        say("token " + stack.services->lookups().session().accessToken.toHex().toStdString());
        say("ready signed-in");

        std::string command;
        while (std::getline(std::cin, command)) {
            if (command == "lock") {
                window.lock();
                window.signOut();
                // What the lock handed to deleteLater goes now, as the event loop would.
                for (int i = 0; i < 5; ++i) {
                    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                    QCoreApplication::processEvents();
                }
                say("ready locked");
            } else if (command == "quit") {
                break;
            }
        }
    }
    return 0;
}
