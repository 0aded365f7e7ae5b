// cpis-desk: reads the command line and opens the desk; the wiring lives in Desk and
// DeskComposition, which the tests and the screenshot program share.
#include "app/desk/Desk.h"
#include "app/desk/DeskInstance.h"
#include "core/crypto/ProcessHardening.h"
#include "core/domain/Clock.h"
#include "core/profile/AdministratorFile.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << "cpis-desk: " << message << '\n';
    // The message carries store and service error text: shown as written, never as HTML.
    QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "CP-IS Desk"), message);
    box.setTextFormat(Qt::PlainText);
    box.exec();
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
    QCommandLineOption nhsNumber{
        QStringLiteral("nhs-number"),
        QCoreApplication::translate("main",
                                    "Look this NHS number up in the desk already running "
                                    "(or in this one, after sign-in)."),
        QStringLiteral("number")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Child Protection - Information Sharing desk client."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(training);
        parser.addOption(store);
        parser.addOption(nhsNumber);
        parser.addPositionalArgument(
            QStringLiteral("link"),
            QCoreApplication::translate("main", "A cpis: link naming an NHS number, as "
                                                "--nhs-number does."),
            QStringLiteral("[cpis:NUMBER]"));
    }
};

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

QStringList argumentsOf(int argc, char** argv)
{
    QStringList out;
    for (int i = 0; i < argc; ++i)
        out << QString::fromLocal8Bit(argv[i]);
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    // Before any key, token or answer is in memory: no core file, no dump, freed memory wiped.
    cpis::ProcessHardening::apply(argv);
    using cpis::desk::Desk;
    if (onlyPrints(argc, argv)) {
        QCoreApplication core(argc, argv);
        Desk::setIdentity();
        cpis::ui::Translations translations;
        translations.install(Desk::storedSettings().uiLocale());
        QCommandLineParser parser;
        const Options options;
        options.addTo(parser);
        parser.process(core); // prints and exits
        return 0;
    }

    // One desk per user session: a desk of this user's already running gets the number (or
    // only comes to the front) and this process ends before it opens any window. The number
    // is checked first: nothing invalid is handed over.
    const auto launch = cpis::desk::DeskInstance::numberFrom(argumentsOf(argc, argv));
    if (!launch) {
        QTextStream(stderr) << "cpis-desk: " << launch.error() << '\n';
        return 2;
    }
    const cpis::NhsNumber launchNumber = launch.value().value_or(cpis::NhsNumber());
    {
        const cpis::desk::DeskInstance running;
        if (const auto handed = running.handOver({launchNumber}, 15000)) {
            for (const QString& line : handed->lines)
                QTextStream(stdout) << line << '\n';
            return 0;
        }
    }

    QApplication app(argc, argv);
    Desk::setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("CP-IS Desk"));
    QApplication::setDesktopFileName(QStringLiteral("invalid.example.cpisdesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cpis-desk.png")));

    Desk::Options options;
    options.settings = Desk::storedSettings();
    cpis::ui::Translations translations;
    translations.install(options.settings.uiLocale());

    QCommandLineParser parser;
    const Options opt;
    opt.addTo(parser);
    parser.process(app);
    options.training = parser.isSet(opt.training);
    options.storeDirectory = parser.value(opt.store);
    // The administrator's file decides the profiles and the site type; one that cannot be
    // read stops the desk rather than fall back to settings nobody chose.
    auto admin = cpis::AdministratorFile::load(cpis::AdministratorFile::path());
    if (!admin)
        return fail(QApplication::translate("main", "The administrator's settings cannot be "
                                                    "used: %1")
                        .arg(admin.error()));
    options.admin = admin.value();

    cpis::SystemClock clock;
    auto desk = Desk::open(options, clock);
    if (!desk)
        return fail(desk.error());
    Desk& opened = *desk.value();
    opened.show();
    cpis::desk::DeskInstance instance;
    QString why;
    if (instance.listen(&why))
        instance.setHandler([&opened](const cpis::desk::DeskInstance::Request& request,
                                      const cpis::desk::DeskInstance::Answer& answer) {
            if (request.nhs.isNull()) {
                opened.comeToFront();
                answer("front");
                return;
            }
            opened.lookUpFromLaunch(request.nhs, answer);
        });
    else
        QTextStream(stderr) << "cpis-desk: " << why << '\n'; // this desk takes no hand-overs
    if (!launchNumber.isNull())
        opened.lookUpFromLaunch(launchNumber);
    return app.exec();
}
