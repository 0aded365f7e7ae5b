#pragma once

// What the sandbox contract tests share: a sandbox over plain HTTP or TLS on loopback (a
// throw-away certificate), a clock fixed at kNow, and GETs as a signed-in test user.
#include "core/domain/Clock.h"
#include "core/domain/Vocabulary.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "tests/support/SandboxHttp.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sandboxtest {

inline const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

class SandboxContractFixture : public QObject
{
protected:
    // For initTestCase: false when no loopback certificate could be made.
    bool prepareTls()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!m_dir.isValid() || !makeLoopbackCertificate(m_dir.path()))
            return false;
        QFile c(m_dir.filePath(QStringLiteral("cert.pem")));
        QFile k(m_dir.filePath(QStringLiteral("key.pem")));
        if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
            return false;
        m_cert = QSslCertificate(&c, QSsl::Pem);
        m_key = QSslKey(&k, QSsl::Rsa, QSsl::Pem);
        return !m_cert.isNull() && !m_key.isNull();
    }

    static void schemes()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    std::unique_ptr<cpis::sandbox::SandboxServer>
    start(bool tls, cpis::sandbox::SandboxServer::Options o = {})
    {
        m_clock.set(kNow);
        o.clock = &m_clock;
        if (o.people == 5000)
            o.people = 1000;
        if (tls) {
            o.tlsCertificate = m_cert;
            o.tlsKey = m_key;
        }
        auto s = std::make_unique<cpis::sandbox::SandboxServer>(o);
        if (!s->start())
            return nullptr;
        m_server = s.get();
        m_nam.clearConnectionCache();
        return s;
    }

    HttpResult get(const QString& path,
                   const QByteArray& user = "triage-nurse",
                   Headers extra = {},
                   int timeoutMs = 10000)
    {
        Headers h;
        bool hasId = false;
        for (const auto& [k, v] : extra)
            hasId = hasId || k == "X-Request-ID";
        if (!hasId)
            h.append({QByteArrayLiteral("X-Request-ID"), newRequestId()});
        if (!user.isEmpty())
            h.append({QByteArrayLiteral("Authorization"),
                      QByteArray("Bearer " +
                                 m_server->signIn().issueAccessToken(QString::fromLatin1(user)))});
        h += extra;
        QUrl url = m_server->baseUrl();
        const qsizetype q = path.indexOf(u'?');
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        return request(m_nam, "GET", url, h, {m_cert}, {}, timeoutMs);
    }

    static QString careTeamPath(const QString& n)
    {
        return QStringLiteral("/cpis/FHIR/R4/CareTeam?patient:identifier=") +
               cpis::vocabulary::kNhsNumberSystem + u'|' + n;
    }
    static QString auditPath(const QString& n)
    {
        return QStringLiteral("/cpis/FHIR/R4/AuditEvent?patient:identifier=") +
               cpis::vocabulary::kNhsNumberSystem + u'|' + n +
               QStringLiteral("&_include=AuditEvent:entity-type%3Dhttp://terminology.hl7.org/"
                              "CodeSystem/v3-RoleClass%7CASSIGNED"); // the guide's, exactly
    }

    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;
    cpis::ManualClock m_clock{kNow};
    cpis::sandbox::SandboxServer* m_server = nullptr;
    QNetworkAccessManager m_nam;
};

} // namespace sandboxtest
