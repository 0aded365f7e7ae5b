// bench_arealist: a 150,000-child area list from a cpis-sandbox child process (--area-size),
// synced through the real AreaListService, built by the desk's one composition root
// (DeskServices), into a real SQLCipher store (keys in memory), then shown in the real AreaListView
// offscreen. Prints: sync total (kick-off to committed), table open (area picked to the table
// painted with every row loaded from the encrypted store), filter keystroke p50/p99 (key press
// to the table repainted), and this process's peak RSS (getrusage ru_maxrss).
// Targets: sync < 10 s, open < 1 s, keystroke < 50 ms, peak RSS < 300 MB. Exit 2 when missed.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_arealist [children=150000] [keystrokes=50]
#include "bench/support/ConsoleOut.h"
#include "core/arealist/AreaListParser.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/signin/SignInFlow.h"
#include "core/store/MemoryKeyProvider.h"
#include "ui/arealist/AreaListModel.h"
#include "ui/arealist/AreaListView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkReply>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <sys/resource.h>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

namespace {

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0; // KiB on Linux
}

double pct(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p / 100.0 * double(v.size())));
    return v.at(i);
}

QNetworkReply* wait(QNetworkReply* r)
{
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    return r;
}

// The sandbox's sign-in as the desk does it (authorization code with PKCE), for one user.
QByteArray signIn(QNetworkAccessManager& nam, const QUrl& base, const QString& user)
{
    const QByteArray verifier = "bench-arealist-verifier-0123456789-abcdefghijklmnop";
    QUrl authorize = base;
    authorize.setPath(QStringLiteral("/oauth2/authorize"));
    authorize.setQuery(QStringLiteral("response_type=code&client_id=cpis-desk&redirect_uri=http%3A%"
                                      "2F%2F127.0.0.1%3A8765%2Fcb&state=s&code_challenge=") +
                       QString::fromLatin1(SignInFlow::codeChallenge(verifier)) +
                       QStringLiteral("&code_challenge_method=S256&user=") + user);
    QNetworkRequest req(authorize);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* pick = wait(nam.get(req));
    const QString code = QUrlQuery(QUrl(QString::fromLatin1(pick->rawHeader("Location"))))
                             .queryItemValue(QStringLiteral("code"));
    pick->deleteLater();
    QUrl tokenUrl = base;
    tokenUrl.setPath(QStringLiteral("/oauth2/token"));
    QNetworkRequest t(tokenUrl);
    t.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    QNetworkReply* tok = wait(nam.post(
        t,
        "grant_type=authorization_code&code=" + code.toLatin1() +
            "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcb&client_id=cpis-desk&code_verifier=" +
            verifier));
    const QByteArray token = QJsonDocument::fromJson(tok->readAll())
                                 .object()
                                 .value(QLatin1String("access_token"))
                                 .toString()
                                 .toLatin1();
    tok->deleteLater();
    return token;
}

// The same export through the same AreaListClient with nothing stored: the floor the sync
// stands on. parse=false: received and split into lines only; parse=true: each line also
// read by AreaListParser. Milliseconds, or -1 when the export failed.
double
receiveOnly(AreaListClient& client, const UserSession& session, const QString& areaId, bool parse)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    bool ok = true;
    QList<AreaListClient::File> files;
    std::function<void()> next = [&] {
        if (files.isEmpty()) {
            loop.quit();
            return;
        }
        const AreaListClient::File file = files.takeFirst();
        const bool patients = file.type == u"Patient";
        client.download(
            session, file,
            [parse, patients](QByteArrayView line, QString*) {
                if (!parse)
                    return true;
                return patients ? AreaListParser::patient(line).ok()
                                : AreaListParser::careTeam(line).ok();
            },
            [&](const Result<qint64, ServiceError>& r) {
                if (!r) {
                    ok = false;
                    loop.quit();
                    return;
                }
                next();
            });
    };
    client.startExport(session, areaId, std::nullopt, {},
                       [&](const Result<AreaListClient::Manifest, ServiceError>& m) {
                           if (!m) {
                               ok = false;
                               loop.quit();
                               return;
                           }
                           files = m->output;
                           next();
                       });
    loop.exec();
    client.finishJob(session);
    return ok ? double(t.nsecsElapsed()) / 1e6 : -1;
}

// Paints the table's viewport now and says how long since `from`.
double paintedMs(QTableView* table, const QElapsedTimer& t, qint64 from)
{
    table->viewport()->repaint();
    return double(t.nsecsElapsed() - from) / 1e6;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int children = args.size() > 1 ? args.at(1).toInt() : 150000;
    const int keystrokes = args.size() > 2 ? args.at(2).toInt() : 50;

    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(QStringLiteral(CPIS_SANDBOX_EXE),
                  {QStringLiteral("--area-size"), QString::number(children)});
    if (!sandbox.waitForReadyRead(30000)) {
        complain("bench_arealist: the sandbox did not start\n");
        return 1;
    }
    const QUrl base(QString::fromUtf8(sandbox.readLine().trimmed()));
    say("sandbox: %s (separate process, --area-size %d)\n", qPrintable(base.toString()), children);

    QTemporaryDir dir;
    SystemClock clock;
    MemoryKeyProvider keys;
    auto config = DeskServices::defaultConfig(ServiceProfile::training().withSandbox(base),
                                              dir.path(), QStringLiteral("bench"));
    config.areaLists.maxPollDelay = std::chrono::milliseconds(50);
    auto opened = DeskServices::create(config, &clock, keys);
    if (!opened) {
        complain("bench_arealist: the store did not open: %s\n",
                 qPrintable(opened.error().message));
        return 1;
    }
    DeskServices& desk = *opened.value();
    say("store: %s (SQLCipher, keys in memory)\n", qPrintable(dir.path()));
    UserSession session;
    session.userId = QStringLiteral("555000000002");
    session.name = QStringLiteral("School Nurse");
    session.roleId = QStringLiteral("100000000002");
    session.organisationCode = QStringLiteral("RX2");
    session.roleCode = QStringLiteral("S8000:G8000:") + vocabulary::kJobRoleCommunityPractitioner;
    session.accessToken = signIn(desk.network(), base, QStringLiteral("school-nurse"));
    session.accessExpiresUtc = QDateTime::currentDateTimeUtc().addSecs(3600);
    if (session.accessToken.isEmpty()) {
        complain("bench_arealist: sign-in failed\n");
        return 1;
    }
    const AreaInfo area{QStringLiteral("school-trust"), QStringLiteral("Sandbox Academy Trust"),
                        children};
    const double rssBefore = peakRssMb();

    // 1. Sync: kick-off, preparation, every NDJSON file parsed and stored, audit, commit.
    QElapsedTimer t;
    t.start();
    qint64 manifestAt = 0;
    AreaListService::Outcome outcome;
    {
        QEventLoop loop;
        QObject::connect(&desk.areaLists(), &AreaListService::progress, &loop,
                         [&](const QString&, qint64, qint64 total) {
                             if (total > 0 && manifestAt == 0)
                                 manifestAt = t.nsecsElapsed();
                         });
        QObject::connect(&desk.areaLists(), &AreaListService::finished, &loop,
                         [&](const AreaListService::Outcome& o) {
                             outcome = o;
                             loop.quit();
                         });
        desk.areaLists().sync(session, area, AreaListService::Mode::Full);
        loop.exec();
    }
    const double syncMs = double(t.nsecsElapsed()) / 1e6;
    if (!outcome.ok) {
        complain("bench_arealist: sync failed: %s\n", qPrintable(outcome.error));
        return 1;
    }
    const double rssAfterSync = peakRssMb();
    say("sync: %.0f ms total (manifest after %.0f ms); %lld Patient + %lld CareTeam resources "
        "(%.0f resources/s)\n",
        syncMs, double(manifestAt) / 1e6, outcome.patients, outcome.careTeams,
        double(outcome.patients + outcome.careTeams) / (syncMs / 1000.0));
    const double receiveMs = receiveOnly(desk.areaListClient(), session, area.id, false);
    const double parseMs = receiveOnly(desk.areaListClient(), session, area.id, true);
    if (receiveMs < 0 || parseMs < 0) {
        complain("bench_arealist: the floor export failed\n");
        return 1;
    }
    say("floor, same export, same client, same run: received %.0f ms (sync %.2fx); received and "
        "parsed %.0f ms (sync %.2fx); so storing and committing cost about %.0f ms\n",
        receiveMs, syncMs / receiveMs, parseMs, syncMs / parseMs, syncMs - parseMs);

    // 2. The view: the small first area shows, then the big one is picked.
    ui::AreaListView view(&desk.areaLists(), session, &clock);
    view.resize(1200, 800);
    view.show();
    {
        QEventLoop loop;
        QObject::connect(&view, &ui::AreaListView::areasLoaded, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    auto* table = view.findChild<QTableView*>(QStringLiteral("areaTable"));
    auto* filter = view.findChild<QLineEdit*>(QStringLiteral("listFilter"));
    QApplication::processEvents();
    qint64 from = t.nsecsElapsed();
    view.selectArea(area.id);
    const double openMs = paintedMs(table, t, from);
    const int shown = view.model()->rowCount();
    say("table open: %.1f ms (%d rows of %d loaded from the encrypted store, sorted, painted)\n",
        openMs, shown, view.model()->totalRows());

    // 3. Keystrokes: narrowing and widening, names and NHS-number digits.
    const QList<QString> script{
        QStringLiteral("s"),  QStringLiteral("m"),  QStringLiteral("i"),  QStringLiteral("\b"),
        QStringLiteral("\b"), QStringLiteral("\b"), QStringLiteral("p"),  QStringLiteral("a"),
        QStringLiteral("t"),  QStringLiteral("e"),  QStringLiteral("\b"), QStringLiteral("\b"),
        QStringLiteral("\b"), QStringLiteral("\b"), QStringLiteral("9"),  QStringLiteral("9"),
        QStringLiteral("9"),  QStringLiteral("4"),  QStringLiteral("\b"), QStringLiteral("\b"),
        QStringLiteral("\b"), QStringLiteral("\b"), QStringLiteral("o"),  QStringLiteral("l"),
        QStringLiteral("\b"), QStringLiteral("\b")};
    QList<double> keyMs;
    filter->setFocus();
    for (int i = 0; i < keystrokes; ++i) {
        const QString k = script.at(i % script.size());
        from = t.nsecsElapsed();
        if (k == u"\b")
            QTest::keyClick(filter, Qt::Key_Backspace);
        else
            QTest::keyClicks(filter, k);
        keyMs.append(paintedMs(table, t, from));
    }
    say("filter keystroke (%d, key press to table repainted): p50 %.2f ms, p99 %.2f ms, max "
        "%.2f ms\n",
        int(keyMs.size()), pct(keyMs, 50), pct(keyMs, 99), pct(keyMs, 100));
    const double rss = peakRssMb();
    say("peak RSS: %.0f MB (before sync %.0f MB, after sync %.0f MB, with the view %.0f MB)\n", rss,
        rssBefore, rssAfterSync, rss);

    sandbox.terminate();
    sandbox.waitForFinished(5000);
    const bool met = syncMs < 10000 && openMs < 1000 && pct(keyMs, 99) < 50 && rss < 300;
    say("targets (sync < 10 s, open < 1 s, keystroke p99 < 50 ms, RSS < 300 MB): %s\n",
        met ? "met" : "MISSED");
    return met ? 0 : 2;
}
