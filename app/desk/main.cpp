// cpis-desk: wires the parts together; no logic of its own.
#include "MainWindow.h"
#include "SandboxServer.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>

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
    QCommandLineOption trainingOpt(
        QStringLiteral("training"),
        QApplication::translate("main", "Run against the built-in sandbox with synthetic data."));
    parser.addOption(trainingOpt);
    parser.process(app);

    // Until a live service is configured (settings arrive with the triage desk), the desk
    // always runs in training mode against its own sandbox: never against nothing.
    cpis::sandbox::SandboxServer sandbox(cpis::sandbox::SandboxServer::Options{});
    if (!sandbox.start()) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "CP-IS Desk"),
            QApplication::translate("main", "The training sandbox could not start: %1")
                .arg(sandbox.errorString()));
        return 1;
    }

    cpis::ui::MainWindow window({sandbox.baseUrl(), true});
    window.show();
    return app.exec();
}
