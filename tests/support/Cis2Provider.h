#pragma once
// NHS CIS2 as a certified OpenID Provider plays it: the npm package oidc-provider (pinned in
// tests/npm, installed by scripts/setup.sh under build/npm) started on loopback by
// tests/support/cis2-provider.mjs with a configuration taken from ../shared/cis2.md.
// Without node or the package a test skips with one "missing reference data:" line (counted by
// scripts/test.sh); under CI (CPIS_REQUIRE_REFERENCE_DATA=1) it fails instead.
#include "tests/support/ReferenceData.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace cpis::testsupport {

class Cis2Provider
{
public:
    static QString npmDir() { return QStringLiteral(CPIS_NPM_DIR); }
    static QString script()
    {
        return QStringLiteral(CPIS_SOURCE_DIR "/tests/support/cis2-provider.mjs");
    }
    // Empty when the provider can run here; otherwise what is missing.
    static QString missing()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            return QStringLiteral("node (scripts/setup.sh installs nodejs)");
        const QString pkg = npmDir() + QStringLiteral("/node_modules/oidc-provider/package.json");
        if (!QFileInfo::exists(pkg))
            return QDir::cleanPath(pkg) + QStringLiteral(" (run scripts/setup.sh)");
        return {};
    }

    explicit Cis2Provider(QJsonObject config) : m_config(std::move(config))
    {
        m_config.insert(QStringLiteral("keyDir"), m_keys.path());
    }
    ~Cis2Provider() { stop(); }

    // Starts with these signing keys (first signs); the same kid keeps its key across starts.
    bool start(const QStringList& signingKids, quint16 port = 0)
    {
        m_config.insert(QStringLiteral("signingKids"), QJsonArray::fromStringList(signingKids));
        m_config.insert(QStringLiteral("port"), port);
        const QString path = m_keys.filePath(QStringLiteral("config.json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(QJsonDocument(m_config).toJson());
        f.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(QStringLiteral("node"), {script(), npmDir(), path});
        QByteArray out;
        QSignalSpy ready(m_process.get(), &QProcess::readyReadStandardOutput);
        while (!out.contains('\n')) {
            if (m_process->state() == QProcess::NotRunning || !ready.wait(20000)) {
                qWarning("cis2-provider did not start: %s",
                         m_process->readAllStandardError().constData());
                return false;
            }
            out += m_process->readAllStandardOutput();
        }
        const QList<QByteArray> words = out.trimmed().split(' ');
        if (words.value(0) != "listening")
            return false;
        m_port = quint16(words.value(1).toUInt());
        m_issuer = QString::fromLatin1(words.value(2));
        return true;
    }
    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    QString issuer() const { return m_issuer; }
    quint16 port() const { return m_port; }

    // Who signs in next, in which role; `aud` makes the provider hand over an ID token with
    // that audience instead of the client's.
    bool setNext(QNetworkAccessManager& nam,
                 const QString& account,
                 const QString& role = {},
                 const QString& aud = {})
    {
        QUrl u(QStringLiteral("http://127.0.0.1:%1/test/next").arg(m_port));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("account"), account);
        if (!role.isEmpty())
            q.addQueryItem(QStringLiteral("role"), role);
        if (!aud.isEmpty())
            q.addQueryItem(QStringLiteral("aud"), aud);
        u.setQuery(q);
        QNetworkReply* r = nam.get(QNetworkRequest(u));
        QSignalSpy done(r, &QNetworkReply::finished);
        const bool ok = done.wait(10000) &&
                        r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 204;
        r->deleteLater();
        return ok;
    }

    // The browser's part: follows the authorization URL through the provider's redirects,
    // with its cookies, to the desk's loopback listener. Each sign-in starts with no cookies,
    // as a newly opened browser would (otherwise the provider asks to sign the last user out
    // first, on a page a test cannot click).
    static void follow(QNetworkAccessManager& browser, const QUrl& url)
    {
        browser.setCookieJar(new QNetworkCookieJar(&browser));
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
        req.setMaximumRedirectsAllowed(20);
        QNetworkReply* r = browser.get(req);
        QObject::connect(r, &QNetworkReply::finished, r, [r] {
            // The desk's own pages end the journey; anything else is the provider's complaint.
            if (r->error() != QNetworkReply::NoError && r->url().path() != u"/callback")
                qWarning("the browser stopped at %s: %s", qPrintable(r->url().path()),
                         r->readAll().left(300).constData());
            r->deleteLater();
        });
    }

private:
    QTemporaryDir m_keys;
    QJsonObject m_config;
    std::unique_ptr<QProcess> m_process;
    QString m_issuer;
    quint16 m_port = 0;
};

} // namespace cpis::testsupport

// Skips (or, under CI, fails) the calling test when the provider cannot run here.
#define CPIS_REQUIRE_CIS2_PROVIDER()                                                               \
    do {                                                                                           \
        const QString cpisMissing_ = cpis::testsupport::Cis2Provider::missing();                   \
        if (!cpisMissing_.isEmpty()) {                                                             \
            if (qEnvironmentVariable("CPIS_REQUIRE_REFERENCE_DATA") == u"1")                       \
                QFAIL(qPrintable(QStringLiteral("the certified OpenID Provider cannot run: ") +    \
                                 cpisMissing_));                                                   \
            QSKIP(qPrintable(QLatin1String(cpis::testsupport::kMissingReferenceData) +             \
                             QStringLiteral(" ") + cpisMissing_));                                 \
        }                                                                                          \
    } while (false)
