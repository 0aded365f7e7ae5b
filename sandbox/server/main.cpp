// cpis-sandbox: the national-service sandbox on its own (wiring only).
#include "sandbox/server/SandboxCommandLine.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpis-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));
    return cpis::sandbox::runCommandLine(app, app.arguments(), QStringLiteral("cpis-sandbox"));
}
