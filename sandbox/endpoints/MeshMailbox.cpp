#include "sandbox/endpoints/MeshMailbox.h"

#include "core/domain/Clock.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/endpoints/SpineMessageWriter.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtEndian>

#include <algorithm>

namespace cpis::sandbox {

const QString MeshMailbox::kPathPrefix = QStringLiteral("/messageexchange/");
// The workflow id CP-IS uses for the notification is not published (../shared/domain.md
// §3.5); this one is the sandbox's.
const QString MeshMailbox::kWorkflowId = QStringLiteral("CPIS_ACCESS_NOTIFICATION");
const QString MeshMailbox::kSender = QStringLiteral("CPISSBX01");

namespace {

const QByteArray kV2 = QByteArrayLiteral("application/vnd.mesh.v2+json");
const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kOctet = QByteArrayLiteral("application/octet-stream");
// Stable ids for the notifications' V3 ids.
const QUuid kNamespace{QStringLiteral("3b8f2f0c-7a43-4f57-9d0e-6a0b52c1e7a1")};

QString upperUuid(const QUuid& u)
{
    return u.toString(QUuid::WithoutBraces).toUpper();
}

MeshMailbox::Answer json(int status, const QByteArray& type, const QJsonObject& body)
{
    return {status, type, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

// FastAPI's HTTPValidationError, as the specification's 400 answers have it.
MeshMailbox::Answer validationError(const QString& where, const QString& field, const QString& msg)
{
    return json(400, kJson,
                QJsonObject{{QStringLiteral("detail"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("loc"), QJsonArray{where, field}},
                                 {QStringLiteral("msg"), msg},
                                 {QStringLiteral("type"), QStringLiteral("value_error")}}}}});
}

MeshMailbox::Answer status(int code)
{
    return {code, {}, {}, {}};
}

} // namespace

MeshMailbox::MeshMailbox(AccessLog& log,
                         const SignInService& signIn,
                         const LocalAuthorityDirectory& authorities,
                         const Clock& clock)
    : m_log(log), m_signIn(signIn), m_authorities(authorities), m_clock(clock)
{}

QString MeshMailbox::localChildId(const QString& laOdsCode, const QString& nhsNumber)
{
    const QByteArray digest = QCryptographicHash::hash((laOdsCode + u'|' + nhsNumber).toUtf8(),
                                                       QCryptographicHash::Sha256);
    const quint32 first = qFromBigEndian<quint32>(digest.constData());
    return laOdsCode + u'-' + QString::number(first % 100000000u).rightJustified(8, u'0');
}

QString MeshMailbox::laOf(const QString& mailbox) const
{
    if (!mailbox.endsWith(QStringLiteral("OT001")))
        return {};
    const QString ods = mailbox.chopped(5);
    return m_authorities.indexOf(ods) >= 0 ? ods : QString();
}

QString MeshMailbox::meshId(const AccessNotification& n) const
{
    // MESH's form: a UTC timestamp to the microsecond, "_", six hex digits.
    const QByteArray h = QCryptographicHash::hash(n.id.toUtf8(), QCryptographicHash::Sha256);
    return n.when.toUTC().toString(QStringLiteral("yyyyMMddHHmmsszzz")) + QStringLiteral("000_") +
           QString::fromLatin1(h.toHex().left(6).toUpper());
}

QString MeshMailbox::newId(const QDateTime& when)
{
    const quint64 n = ++m_sequence;
    return when.toUTC().toString(QStringLiteral("yyyyMMddHHmmsszzz")) +
           QString::number(n % 1000000).rightJustified(6, u'0') + u'_' +
           QString::number(0xA00000 + n, 16).toUpper();
}

QList<MeshMailbox::Message> MeshMailbox::messages(const QString& mailbox) const
{
    QList<Message> out;
    const QString la = laOf(mailbox);
    if (la.isEmpty())
        return out;
    const QList<AccessNotification>& queued = m_log.notifications(la);
    for (const AccessNotification& n : queued)
        out.append(Message{meshId(n), n.when, &n, nullptr});
    for (const Extra& e : m_extra)
        if (e.mailbox == mailbox)
            out.append(Message{e.id, e.when, nullptr, &e});
    std::stable_sort(out.begin(), out.end(), [](const Message& a, const Message& b) {
        return a.when < b.when || (a.when == b.when && a.id < b.id);
    });
    return out;
}

QStringList MeshMailbox::inbox(const QString& mailbox) const
{
    QStringList ids;
    for (const Message& m : messages(mailbox))
        ids.append(m.id);
    return ids;
}

QByteArray MeshMailbox::notificationXml(const AccessNotification& n) const
{
    SpineMessageWriter::Notification out;
    out.id = upperUuid(QUuid::createUuidV5(kNamespace, n.id));
    out.created = n.when;
    out.laOdsCode = n.laOdsCode;
    const int la = m_authorities.indexOf(n.laOdsCode);
    out.laName = la >= 0 ? m_authorities.at(la).name : n.laOdsCode;
    // The authority's upload file the child's record came from.
    out.fileId = n.laOdsCode + QStringLiteral("-UPLOAD-0001");
    SpineMessageWriter::Notification::Query q;
    q.id = upperUuid(QUuid::createUuidV5(kNamespace, n.id + QStringLiteral("/query")));
    q.when = n.when;
    q.viewer = n.viewer;
    if (q.viewer.name.isEmpty()) {
        q.viewer.name = n.viewerName;
        q.viewer.roleName = n.viewerRole;
        q.viewer.orgCode = n.organisationCode;
        q.viewer.orgName = n.organisationName;
    }
    if (q.viewer.userUid.isEmpty())
        q.viewer.userUid = QStringLiteral("555000000001");
    q.nhsNumber = n.nhsNumber;
    q.localPersonId = localChildId(n.laOdsCode, n.nhsNumber);
    out.queries.append(q);
    return SpineMessageWriter::accessNotification(out);
}

QByteArray MeshMailbox::body(const QString& mailbox, const QString& messageId) const
{
    for (const Message& m : messages(mailbox)) {
        if (m.id != messageId)
            continue;
        if (m.notification)
            return notificationXml(*m.notification);
        return m.extra->body;
    }
    return {};
}

bool MeshMailbox::isNotification(const QString& mailbox, const QString& messageId) const
{
    for (const Message& m : messages(mailbox))
        if (m.id == messageId)
            return m.notification != nullptr;
    return false;
}

QString MeshMailbox::addReport(const QString& mailbox,
                               const QString& linkedMessageId,
                               const QString& statusCode,
                               const QString& description)
{
    Extra e;
    e.when = m_clock.nowUtc();
    e.id = newId(e.when);
    e.mailbox = mailbox;
    e.report = true;
    e.linkedId = linkedMessageId;
    e.statusCode = statusCode;
    e.description = description;
    m_extra.append(e);
    return e.id;
}

QString MeshMailbox::addData(const QString& mailbox, const QByteArray& body, bool compressed)
{
    Extra e;
    e.when = m_clock.nowUtc();
    e.id = newId(e.when);
    e.mailbox = mailbox;
    e.body = body;
    e.compressed = compressed;
    m_extra.append(e);
    return e.id;
}

QString MeshMailbox::addGenerated(const QString& mailbox, qint64 bytes, qint64 chunkBytes)
{
    Extra e;
    e.when = m_clock.nowUtc();
    e.id = newId(e.when);
    e.mailbox = mailbox;
    e.generatedBytes = bytes;
    e.chunkBytes = qMax<qint64>(1, chunkBytes);
    m_extra.append(e);
    return e.id;
}

MeshMailbox::Answer MeshMailbox::answer(const QByteArray& method,
                                        const QString& path,
                                        const QUrlQuery& query,
                                        const QHash<QByteArray, QByteArray>& headers)
{
    Answer a = route(method, path, query, headers);
    if (m_observer)
        m_observer(Exchange{method, path, query, headers, a.status, a.contentType, a.headers,
                            a.body.size()});
    return a;
}

MeshMailbox::Answer MeshMailbox::route(const QByteArray& method,
                                       const QString& path,
                                       const QUrlQuery& query,
                                       const QHash<QByteArray, QByteArray>& headers)
{
    // {mailbox}, {mailbox}/inbox, {mailbox}/inbox/{id}, {mailbox}/inbox/{id}/{chunk},
    // {mailbox}/inbox/{id}/status/acknowledged
    const QStringList parts = path.mid(kPathPrefix.size()).split(u'/');
    const QString mailbox = parts.at(0);
    const bool handshake = parts.size() == 1 && method == "POST";
    const bool list = parts.size() == 2 && parts.at(1) == u"inbox" && method == "GET";
    const bool read = parts.size() == 3 && parts.at(1) == u"inbox" && method == "GET";
    const bool chunk = parts.size() == 4 && parts.at(1) == u"inbox" && method == "GET";
    const bool ack = parts.size() == 5 && parts.at(1) == u"inbox" && method == "PUT" &&
                     parts.at(3) == u"status" && parts.at(4) == u"acknowledged";
    if (!handshake && !list && !read && !chunk && !ack)
        return status(404);
    // A mailbox that does not exist cannot have signed the token: the same 403.
    if (laOf(mailbox).isEmpty())
        return status(403);
    if (!m_auth.check(headers.value("authorization"), mailbox, m_clock.nowUtc()).isEmpty())
        return status(403);
    const QByteArray accept = headers.value("accept");
    const bool v2 = accept.contains("application/vnd.mesh.v2+json");

    if (handshake) {
        for (const char* h : {"mex-clientversion", "mex-osname", "mex-osversion"})
            if (headers.value(h).trimmed().isEmpty())
                return validationError(QStringLiteral("header"), QString::fromLatin1(h),
                                       QStringLiteral("field required"));
        return status(200);
    }
    if (list)
        return listInbox(mailbox, query, v2);

    const QList<Message> box = messages(mailbox);
    const QString id = parts.at(2);
    const auto found =
        std::find_if(box.cbegin(), box.cend(), [&](const Message& m) { return m.id == id; });
    if (found == box.cend())
        return status(404);
    if (ack) {
        if (found->notification)
            m_log.acknowledge(found->notification->laOdsCode, found->notification->id);
        else
            m_extra.removeIf([&](const Extra& e) { return e.id == id && e.mailbox == mailbox; });
        if (v2)
            return status(200);
        return json(200, kJson, QJsonObject{{QStringLiteral("messageId"), id}});
    }
    int n = 1;
    if (chunk) {
        bool ok = false;
        n = parts.at(3).toInt(&ok);
        if (!ok || n < 1)
            return validationError(QStringLiteral("path"), QStringLiteral("chunk_number"),
                                   QStringLiteral("ensure this value is greater than 0"));
    }
    return download(mailbox, *found, n);
}

MeshMailbox::Answer MeshMailbox::listInbox(const QString& mailbox, const QUrlQuery& query, bool v2)
{
    int max = 500;
    if (query.hasQueryItem(QStringLiteral("max_results"))) {
        bool ok = false;
        max = query.queryItemValue(QStringLiteral("max_results")).toInt(&ok);
        if (!ok || max < 10 || max > 5000)
            return validationError(QStringLiteral("query"), QStringLiteral("max_results"),
                                   QStringLiteral("ensure 10 <= max_results <= 5000"));
    }
    if (!v2)
        max = 500;
    const QStringList ids = inbox(mailbox);
    qsizetype from = 0;
    if (query.hasQueryItem(QStringLiteral("continue_from"))) {
        const QString token =
            query.queryItemValue(QStringLiteral("continue_from"), QUrl::FullyDecoded);
        const QString after = QString::fromUtf8(QByteArray::fromBase64(
            token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (token.size() < 24 || after.isEmpty())
            return validationError(QStringLiteral("query"), QStringLiteral("continue_from"),
                                   QStringLiteral("not a continuation token"));
        // Continue after that id, wherever it is now (earlier ones may have been acknowledged).
        from = 0;
        while (from < ids.size() && ids.at(from) <= after)
            ++from;
    }
    QJsonArray page;
    for (qsizetype i = from; i < ids.size() && page.size() < max; ++i)
        page.append(ids.at(i));
    if (!v2)
        return json(200, kJson, QJsonObject{{QStringLiteral("messages"), page}});
    const QString self =
        kPathPrefix + mailbox + QStringLiteral("/inbox?max_results=") + QString::number(max);
    QJsonObject links{{QStringLiteral("self"), self}};
    if (from + page.size() < ids.size()) {
        const QByteArray token = page.last().toString().toUtf8().toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        links.insert(QStringLiteral("next"), QString(self + QStringLiteral("&continue_from=") +
                                                     QString::fromLatin1(token)));
    }
    return json(200, kV2,
                QJsonObject{{QStringLiteral("messages"), page},
                            {QStringLiteral("links"), links},
                            {QStringLiteral("approx_inbox_count"), int(ids.size())}});
}

MeshMailbox::Answer MeshMailbox::download(const QString& mailbox, const Message& m, int chunk)
{
    const Extra* e = m.extra;
    const bool report = e && e->report;
    int chunks = 1;
    if (e && e->generatedBytes > 0)
        chunks = int((e->generatedBytes + e->chunkBytes - 1) / e->chunkBytes);
    if (chunk > chunks)
        return status(404);
    Answer a{chunk < chunks ? 206 : 200, kOctet, {}, {}};
    if (m.notification) {
        a.body = notificationXml(*m.notification);
    } else if (e->generatedBytes > 0) {
        const qint64 start = qint64(chunk - 1) * e->chunkBytes;
        const qint64 size = qMin(e->chunkBytes, e->generatedBytes - start);
        a.body = QByteArray(qsizetype(size), char('a' + (chunk % 26)));
    } else if (!report) {
        a.body = e->body;
    }
    const auto h = [&a](const char* name, const QString& value) {
        a.headers.append({QByteArray(name), value.toUtf8()});
    };
    h("Mex-MessageID", m.id);
    h("Mex-From", kSender);
    h("Mex-To", mailbox);
    h("Mex-WorkflowID", kWorkflowId);
    h("Mex-MessageType", report ? QStringLiteral("REPORT") : QStringLiteral("DATA"));
    h("Mex-Content-Compressed", e && e->compressed ? QStringLiteral("Y") : QStringLiteral("N"));
    h("Mex-AddressType", QStringLiteral("ALL"));
    if (chunks > 1 || chunk > 1)
        h("Mex-Chunk-Range", QStringLiteral("%1:%2").arg(chunk).arg(chunks));
    if (report) {
        h("Mex-StatusCode", e->statusCode);
        h("Mex-StatusEvent", QStringLiteral("TRANSFER"));
        h("Mex-StatusDescription", e->description);
        h("Mex-StatusSuccess", QStringLiteral("ERROR"));
        h("Mex-LinkedMsgID", e->linkedId);
        h("Mex-StatusTimestamp", e->when.toString(QStringLiteral("yyyyMMddHHmmss")));
    } else {
        h("Mex-FileName",
          m.notification ? QStringLiteral("REPC_MT000004GB01.xml") : QStringLiteral("message.dat"));
        h("Mex-Subject", QStringLiteral("CP-IS Access to Service Notification"));
    }
    return a;
}

void MeshMailbox::seed(const ScenarioCatalogue& catalogue,
                       const SyntheticPopulation& population,
                       const LocalAuthorityDirectory& authorities,
                       const QDateTime& now)
{
    const auto worker = m_signIn.user(QStringLiteral("social-worker"));
    const auto nurse = m_signIn.user(QStringLiteral("triage-nurse"));
    const auto lead = m_signIn.user(QStringLiteral("safeguarding-lead"));
    if (!worker || !nurse || !lead)
        return;
    TestUser omar;
    omar.id = QStringLiteral("seeded-enp");
    omar.userUid = QStringLiteral("555000000077");
    omar.name = QStringLiteral("Omar Haddad");
    omar.roleCode = QStringLiteral("R8003");
    omar.roleName = QStringLiteral("Emergency Nurse Practitioner");
    omar.orgCode = QStringLiteral("RX3");
    omar.orgName = QStringLiteral("Sandbox Urgent Treatment Centre");
    struct Viewer
    {
        TestUser user;
        qint64 agoSecs;
    };
    // Oldest first, as a mailbox fills. The second comes from a site none of the test users
    // belong to, so the notices view has two sites to filter by.
    const QList<Viewer> viewers{{*nurse, 3 * 86400 + 5400}, {omar, 26 * 3600}, {*lead, 2 * 3600}};
    int next = 0;
    for (const ScenarioCatalogue::Scenario& s : catalogue.scenarios()) {
        if (next == viewers.size())
            break;
        const auto found = population.find(s.nhsNumber);
        if (s.fault != Fault::None || !found || found->superseded)
            continue;
        // A child with an open plan of the social worker's own authority, as a look-up by a
        // B0107 user would have told that authority about.
        const auto plan = std::find_if(
            found->person.plans.cbegin(), found->person.plans.cend(), [&](const SandboxPlan& p) {
                return (!p.end || *p.end >= now.date()) &&
                       authorities.at(p.laIndex).odsCode == worker->orgCode;
            });
        if (plan == found->person.plans.cend())
            continue;
        const Viewer& v = viewers.at(next++);
        m_log.notify(AccessNotification{m_log.nextId(QStringLiteral("asn-")), worker->orgCode,
                                        s.nhsNumber, plan->type, now.addSecs(-v.agoSecs),
                                        v.user.name, v.user.roleName, v.user.orgCode,
                                        v.user.orgName, v.user});
    }
}

} // namespace cpis::sandbox
