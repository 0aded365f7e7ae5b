// cpis: the command line over the same core services as the desk.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpis"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPIS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CP-IS command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Command to run."));
    parser.process(app);

    if (parser.positionalArguments().isEmpty()) {
        parser.showHelp(2);
    }
    QTextStream(stderr) << "cpis: unknown command '" << parser.positionalArguments().first()
                        << "'\n";
    return 2;
}
