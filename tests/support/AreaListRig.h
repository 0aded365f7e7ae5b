#pragma once
// The area-list integration rig, shared by its test files: the in-process sandbox over real HTTP
// on loopback, the desk's services on a real encrypted store (MemoryDesk), a manual clock, and
// helpers to sync an area with the desk's own service or one built with other settings.
#include "core/arealist/AreaListService.h"
#include "core/arealist/AreaListStore.h"
#include "core/audit/AuditLog.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/AreaDirectory.h"
#include "tests/support/MemoryDesk.h"
#include "tests/support/SandboxHttp.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace cpis::testsupport {

// Test classes derive from this (after QObject) and call setUp()/tearDown() from init()/cleanup().
class AreaListRig
{
protected:
    using Outcome = AreaListService::Outcome;
    static inline const QDateTime kNow{QDate(2026, 11, 25), QTime(10, 0), Qt::UTC};

    // A client and service of the test's own on the desk's transport, store and audit: with
    // file hosts allowed, and waits recorded and fired at once, moving the clock on.
    struct OwnAreaLists
    {
        QList<std::chrono::milliseconds> waits;
        std::unique_ptr<AreaListClient> client;
        std::unique_ptr<AreaListService> service;
    };

    void setUp()
    {
        m_clock.set(kNow);
        sandbox::SandboxServer::Options o;
        o.clock = &m_clock;
        o.areaLists.maxFileResources = 7; // several files per type even for a small area
        o.areaLists.preparePerTurn = 5;
        o.areaLists.retryAfterSecs = 0;
        m_server = std::make_unique<sandbox::SandboxServer>(o);
        QVERIFY(m_server->start());
        m_desk =
            std::make_unique<MemoryDesk>(m_server->baseUrl(), FhirTransport::Settings(), &m_clock);
        m_schoolId = m_server->areas().groups().first().id;
    }

    void tearDown()
    {
        m_desk.reset();
        m_server.reset();
    }

    UserSession session(const QString& user)
    {
        UserSession s;
        s.userId = user;
        s.name = user;
        s.accessToken = m_server->signIn().issueAccessToken(user);
        s.accessExpiresUtc = kNow.addSecs(3600);
        s.roleCode = QStringLiteral("S8000:G8000:") + vocabulary::kJobRoleCommunityPractitioner;
        return s;
    }

    std::unique_ptr<OwnAreaLists> ownAreaLists(AreaListClient::Settings settings)
    {
        auto own = std::make_unique<OwnAreaLists>();
        QList<std::chrono::milliseconds>* waits = &own->waits;
        ManualClock* clock = &m_clock;
        own->client = std::make_unique<AreaListClient>(
            m_desk->transport.get(), m_desk->services->config().profile.cpis, std::move(settings),
            &m_clock,
            [waits, clock](std::chrono::milliseconds delay, QObject* context,
                           std::function<void()> fire) {
                waits->append(delay);
                QTimer::singleShot(0, context, [clock, delay, fire] {
                    clock->advanceMSecs(delay.count());
                    fire();
                });
            });
        own->service = std::make_unique<AreaListService>(
            own->client.get(), m_desk->areaListStore.get(), m_desk->auditor.get(), &m_clock);
        return own;
    }

    AreaInfo area(const QString& id)
    {
        for (const auto& g : m_server->areas().groups())
            if (g.id == id)
                return AreaInfo{g.id, g.name, 0};
        return {};
    }

    Outcome runSync(const AreaInfo& a,
                    AreaListService::Mode mode = AreaListService::Mode::Auto,
                    AreaListService* service = nullptr)
    {
        if (!service)
            service = m_desk->areaLists.get();
        QSignalSpy done(service, &AreaListService::finished);
        if (!service->sync(session(QStringLiteral("school-nurse")), a, mode))
            return {};
        if (!done.wait(20000))
            return {};
        return done.first().first().value<Outcome>();
    }

    QList<AuditEntry> audit() { return m_desk->userEntries(); }

    sandboxtest::HttpResult get(const QString& pathOrUrl,
                                const QString& user,
                                const sandboxtest::Headers& extra = {},
                                const QByteArray& method = "GET")
    {
        QUrl url = pathOrUrl.startsWith(u'/') ? m_server->baseUrl().resolved(QUrl(pathOrUrl))
                                              : QUrl(pathOrUrl);
        if (pathOrUrl.startsWith(u'/')) {
            url = m_server->baseUrl();
            const qsizetype q = pathOrUrl.indexOf(u'?');
            url.setPath(q < 0 ? pathOrUrl : pathOrUrl.left(q));
            if (q >= 0)
                url.setQuery(pathOrUrl.mid(q + 1));
        }
        sandboxtest::Headers h{{"X-Request-ID", sandboxtest::newRequestId()}};
        if (!user.isEmpty())
            h.append({"Authorization", "Bearer " + m_server->signIn().issueAccessToken(user)});
        h.append(extra);
        return sandboxtest::request(m_nam, method, url, h);
    }

    ManualClock m_clock{kNow};
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<MemoryDesk> m_desk;
    QString m_schoolId;
    QNetworkAccessManager m_nam;
};

} // namespace cpis::testsupport
