#include "core/notices/NotificationReader.h"

#include "core/spine/SpineDataTypes.h"
#include "core/spine/SpineElementRules.h"
#include "core/spine/SpineNames.h"
#include "core/spine/SpineXmlTree.h"

#include <QUuid>

#include <optional>

namespace cpis {

namespace {

using E = SpineXmlElement;
using Problem = std::optional<QString>;
constexpr QLatin1String kHl7 = spine::kHl7Ns;

QLatin1String L(const char* s)
{
    return QLatin1String(s);
}

bool isUuid(const QString& s)
{
    return !QUuid::fromString(s).isNull() && s.size() == 36;
}

Problem author(const E& a, AttendanceNotice& out)
{
    if (auto bad = spine::onlyChildren(
            a, {"contentId", "COCT_TP145102GB01.AssignedAuthor", "COCT_TP145104GB01.System"}))
        return bad;
    QString p;
    if (const E* person = a.one(kHl7, L("COCT_TP145102GB01.AssignedAuthor"))) {
        if (auto bad = spine::onlyChildren(
                *person, {"code", "id", "assignedAuthorPerson", "representedOrganization"}))
            return bad;
        const auto who = spine::assignedAuthor(*person, p);
        if (!who)
            return p;
        out.viewerName = who->name;
        out.viewerRole = who->role;
        out.organisationCode = who->organisationCode;
        out.organisationName = who->organisationName;
    } else if (const E* system = a.one(kHl7, L("COCT_TP145104GB01.System"))) {
        if (auto bad = spine::onlyChildren(*system,
                                           {"id", "indirectAuthority", "maintainingOrganization"}))
            return bad;
        const E* id = spine::child(*system, "id", p);
        const E* org = spine::child(*system, "maintainingOrganization", p);
        const E* orgId = org ? spine::child(*org, "id", p) : nullptr;
        const E* orgName = org ? spine::child(*org, "name", p) : nullptr;
        if (!id || !orgId || !orgName)
            return p;
        out.systemId = id->attribute(L("extension"));
        if (out.systemId.isEmpty())
            return QStringLiteral("%1 has no system id").arg(spine::where(*id));
        out.organisationCode = orgId->attribute(L("extension"));
        out.organisationName = orgName->text;
        // The person responsible for the system, when it names one.
        QString unnamed;
        if (const auto nominated = spine::nominatedPerson(*system, unnamed)) {
            out.viewerName = nominated->name;
            out.viewerRole = nominated->role;
        } else if (!unnamed.isEmpty()) {
            return unnamed;
        }
    } else {
        return QStringLiteral("%1 names neither a person nor a system").arg(spine::where(a));
    }
    if (out.organisationCode.isEmpty() || out.organisationName.isEmpty())
        return QStringLiteral("%1 names no organisation").arg(spine::where(a));
    if (out.systemId.isEmpty() && (out.viewerName.isEmpty() || out.viewerRole.isEmpty()))
        return QStringLiteral("%1 names no person or role").arg(spine::where(a));
    return std::nullopt;
}

Problem child(const E& param, AttendanceNotice& out)
{
    if (auto bad = spine::onlyChildren(param, {"person.id"}))
        return bad;
    QString p;
    const E* ids = spine::child(param, "person.id", p);
    if (!ids)
        return p;
    if (auto bad = spine::onlyChildren(*ids, {"value"}))
        return bad;
    const auto values = ids->all(kHl7, L("value"));
    if (values.empty() || values.size() > 2)
        return QStringLiteral("%1 holds %2 ids; one or two are allowed")
            .arg(spine::where(*ids))
            .arg(values.size());
    for (const E* v : values) {
        const QString root = v->attribute(L("root"));
        const QString ext = v->attribute(L("extension"));
        if (ext.isEmpty())
            return QStringLiteral("%1 has no extension").arg(spine::where(*v));
        if (root == QLatin1String(NotificationReader::kNhsNumberRoot)) {
            const auto nhs = NhsNumber::parse(ext);
            if (!nhs || !out.nhsNumber.isNull())
                return QStringLiteral("%1 is not one valid NHS number").arg(spine::where(*v));
            out.nhsNumber = nhs.value();
        } else if (root == QLatin1String(NotificationReader::kLocalPersonIdRoot)) {
            if (!out.localChildId.isEmpty())
                return QStringLiteral("%1 is a second local person id").arg(spine::where(*v));
            out.localChildId = ext;
        } else {
            return QStringLiteral("%1 has an id root the notification does not use")
                .arg(spine::where(*v));
        }
    }
    return std::nullopt;
}

Problem query(const E& q, const QString& fileId, QList<AttendanceNotice>& out)
{
    if (auto bad = spine::onlyChildren(q, {"effectiveTime", "id", "author", "queryByParameter"}))
        return bad;
    QString p;
    AttendanceNotice n;
    n.fileId = fileId;
    const E* time = spine::child(q, "effectiveTime", p);
    const E* id = spine::child(q, "id", p);
    const E* a = spine::child(q, "author", p);
    const E* param = spine::child(q, "queryByParameter", p);
    if (!time || !id || !a || !param)
        return p;
    const auto when = spine::timestamp(time->attribute(L("value")));
    if (!when)
        return QStringLiteral("%1 is not an HL7 timestamp").arg(spine::where(*time));
    n.whenUtc = *when;
    n.eventId = id->attribute(L("root"));
    if (!isUuid(n.eventId))
        return QStringLiteral("%1 is not a UUID").arg(spine::where(*id));
    if (auto bad = author(*a, n))
        return bad;
    if (auto bad = child(*param, n))
        return bad;
    out.append(n);
    return std::nullopt;
}

Problem recordAccess(const E& r, QList<AttendanceNotice>& out)
{
    if (auto bad = spine::onlyChildren(r, {"pertinentInformation2", "reference"}))
        return bad;
    QString p;
    const E* ref = spine::child(r, "reference", p);
    const E* file = ref ? spine::child(*ref, "referredToLAUploadFile", p) : nullptr;
    const E* value = file ? spine::child(*file, "value", p) : nullptr;
    if (!value)
        return p;
    const QString fileId = value->attribute(L("extension"));
    if (fileId.isEmpty())
        return QStringLiteral("%1 names no upload file").arg(spine::where(*value));
    const auto queries = r.all(kHl7, L("pertinentInformation2"));
    if (queries.empty())
        return QStringLiteral("%1 holds no query").arg(spine::where(r));
    for (const E* info : queries) {
        if (auto bad = spine::onlyChildren(*info, {"pertinentCP-ISNHSQuery"}))
            return bad;
        const E* q = spine::child(*info, "pertinentCP-ISNHSQuery", p);
        if (!q)
            return p;
        if (auto bad = query(*q, fileId, out))
            return bad;
    }
    return std::nullopt;
}

} // namespace

Result<NotificationReader::Notification, NotificationReader::Error>
NotificationReader::read(const QByteArray& xml)
{
    SpineXmlTree::Limits limits;
    limits.maxBytes = kMaxBytes;
    auto tree = SpineXmlTree::parse(xml, limits);
    if (!tree)
        return Error{tree.error()};
    const E& root = tree.value();
    if (!root.is(kHl7, L("CP-ISAccessToServiceNotification")))
        return Error{QStringLiteral("the root element is not CP-ISAccessToServiceNotification")};
    if (auto bad = spine::namespacesChecked(root))
        return Error{*bad};
    if (auto bad =
            spine::onlyChildren(root, {"effectiveTime", "id", "pertinentInformation",
                                       "pertinentInformation1", "primaryInformationRecipient"}))
        return Error{*bad};
    QString p;
    Notification out;
    const E* time = spine::child(root, "effectiveTime", p);
    const E* id = spine::child(root, "id", p);
    const E* info = spine::child(root, "pertinentInformation", p);
    const E* total = info ? spine::child(*info, "pertinentTotalReturnedRecords", p) : nullptr;
    const E* totalValue = total ? spine::child(*total, "value", p) : nullptr;
    const E* recipient = spine::child(root, "primaryInformationRecipient", p);
    if (!time || !id || !totalValue || !recipient)
        return Error{p};
    const auto created = spine::timestamp(time->attribute(L("value")));
    if (!created)
        return Error{QStringLiteral("%1 is not an HL7 timestamp").arg(spine::where(*time))};
    out.createdUtc = *created;
    out.id = id->attribute(L("root"));
    if (!isUuid(out.id))
        return Error{QStringLiteral("%1 is not a UUID").arg(spine::where(*id))};
    bool ok = false;
    out.totalReturnedRecords = totalValue->attribute(L("value")).toInt(&ok);
    if (!ok || out.totalReturnedRecords < 0)
        return Error{QStringLiteral("%1 is not a count").arg(spine::where(*totalValue))};

    if (auto bad =
            spine::onlyChildren(*recipient, {"contentId", "COCT_TP145103GB01.IntendedRecipient"}))
        return Error{*bad};
    const E* intended = spine::child(*recipient, "COCT_TP145103GB01.IntendedRecipient", p);
    const E* org = intended ? spine::child(*intended, "representedSourceOrganization", p) : nullptr;
    const E* orgId = org ? spine::child(*org, "id", p) : nullptr;
    if (!orgId)
        return Error{p};
    out.recipientOds = orgId->attribute(L("extension"));
    if (out.recipientOds.isEmpty())
        return Error{QStringLiteral("%1 names no local authority").arg(spine::where(*orgId))};

    for (const E* pi : root.all(kHl7, L("pertinentInformation1"))) {
        if (pi->isNull())
            continue;
        if (auto bad = spine::onlyChildren(*pi, {"pertinentCP-ISRecordAccess"}))
            return Error{*bad};
        const E* access = spine::child(*pi, "pertinentCP-ISRecordAccess", p);
        if (!access)
            return Error{p};
        if (access->isNull())
            continue;
        if (auto bad = recordAccess(*access, out.notices))
            return Error{*bad};
    }
    return out;
}

} // namespace cpis
