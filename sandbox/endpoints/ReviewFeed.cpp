#include "sandbox/endpoints/ReviewFeed.h"

#include "core/domain/Vocabulary.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace cpis::sandbox {

namespace {
const QString kPath = QStringLiteral("/cpis/FHIR/R4/AuditEvent");
const QString& kObjectRole = vocabulary::kObjectRoleSystem;

// As the CareTeam query answers, on the day of the positive.
bool visibleOn(const SandboxPlan& plan, const QDate& day)
{
    return plan.start <= day && stillShown(plan, day);
}

ReviewFeed::Answer invalid(const QString& why)
{
    return {400, {}, QStringLiteral("INVALID_SEARCH_DATA"), why};
}

ReviewFeed::Answer denied(const QString& why)
{
    return {403, {}, QStringLiteral("ACCESS_DENIED"), why};
}
} // namespace

bool ReviewFeed::handles(const QString& path, const QUrlQuery& query)
{
    return path == kPath && query.hasQueryItem(QStringLiteral("site"));
}

void ReviewFeed::record(const QString& nhsNumber,
                        const QList<SandboxPlan>& plans,
                        const QDateTime& when,
                        const TestUser& viewer)
{
    if (plans.isEmpty())
        return;
    m_positives.append(
        {QStringLiteral("rv-") + QString::number(++m_sequence).rightJustified(6, u'0'), nhsNumber,
         when, viewer, plans});
}

void ReviewFeed::seed(const SyntheticPopulation& population,
                      const ScenarioCatalogue& scenarios,
                      const QList<TestUser>& viewers,
                      const QDateTime& now,
                      const SeededRandom& random)
{
    QStringList candidates;
    auto consider = [&](const QString& nhs) {
        const auto found = population.find(nhs);
        if (found && !found->superseded && !found->person.plans.isEmpty())
            candidates.append(nhs);
    };
    for (const ScenarioCatalogue::Scenario& s : scenarios.scenarios())
        if (s.fault == Fault::None)
            consider(s.nhsNumber);
    for (int i = 0; i < qMin(2000, population.generatedCount()); ++i)
        consider(population.generatedAt(i).nhsNumber);
    if (candidates.isEmpty() || viewers.isEmpty())
        return;
    const QDate today = now.date();
    // Oldest first, so ids rise with time as live ones do.
    for (int daysAgo = 30; daysAgo >= 1; --daysAgo) {
        const QDate day = today.addDays(-daysAgo);
        const quint64 h =
            random.stream(SeededRandom::Stream::ReviewHistory, quint64(daysAgo)).next();
        const int count = int(h % 6); // 0 to 5 a day: some days have none
        QList<ReviewPositive> onDay;
        for (int k = 0; k < count; ++k) {
            const quint64 r = SplitMix64::mix(h + quint64(k) * 7919ULL);
            const QString nhs = candidates.at(int(r % quint64(candidates.size())));
            const auto found = population.find(nhs);
            if (!found)
                continue;
            QList<SandboxPlan> plans;
            for (const SandboxPlan& p : found->person.plans)
                if (visibleOn(p, day))
                    plans.append(p);
            if (plans.isEmpty())
                continue;
            const TestUser& viewer = viewers.at(int((r >> 20) % quint64(viewers.size())));
            const QTime at(int(7 + (r >> 32) % 15), int((r >> 40) % 60));
            onDay.append({{}, nhs, QDateTime(day, at, Qt::UTC), viewer, plans});
        }
        std::sort(onDay.begin(), onDay.end(),
                  [](const ReviewPositive& a, const ReviewPositive& b) { return a.when < b.when; });
        for (const ReviewPositive& p : std::as_const(onDay))
            record(p.nhsNumber, p.plans, p.when, p.viewer);
    }
}

QList<ReviewPositive> ReviewFeed::positivesAt(const QString& orgCode) const
{
    QList<ReviewPositive> out;
    for (const ReviewPositive& p : m_positives)
        if (p.viewer.orgCode == orgCode)
            out.append(p);
    // Newest first; equal times keep the later record first.
    std::stable_sort(out.begin(), out.end(), [](const ReviewPositive& a, const ReviewPositive& b) {
        return a.when != b.when ? a.when > b.when : a.id > b.id;
    });
    return out;
}

ReviewFeed::Answer ReviewFeed::answer(const QUrlQuery& query,
                                      const TestUser& user,
                                      const QDateTime& now,
                                      const QString& origin) const
{
    if (!user.workgroups.contains(kWorkgroupReview))
        return denied(QStringLiteral("The user's role is not in the CPIS-REVIEW workgroup"));

    static const QRegularExpression dateRe(QStringLiteral("^(ge|gt|le|lt)(\\d{4}-\\d{2}-\\d{2})$"));
    QStringList sites;
    QStringList outcomes;
    QDateTime from = QDateTime(now.date().addDays(-kKeptDays), QTime(0, 0), Qt::UTC);
    QDateTime until; // exclusive; invalid: no upper bound
    int count = kDefaultCount;
    int offset = 0;
    const QString usage =
        QStringLiteral("Search by site=<ODS code>&outcome=positive, optionally with "
                       "date=ge|gt|le|lt<YYYY-MM-DD> (at most twice), _count=1..%1 and _offset")
            .arg(kMaxCount);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"site") {
            sites << value;
        } else if (key == u"outcome") {
            outcomes << value;
        } else if (key == u"date") {
            const auto m = dateRe.match(value);
            const QDate d = m.hasMatch() ? QDate::fromString(m.captured(2), Qt::ISODate) : QDate();
            if (!d.isValid())
                return invalid(usage);
            const QString prefix = m.captured(1);
            const QDateTime start(d, QTime(0, 0), Qt::UTC);
            if (prefix == u"ge" || prefix == u"gt") {
                const QDateTime lower = prefix == u"ge" ? start : start.addDays(1);
                from = qMax(from, lower); // never earlier than what is kept
            } else {
                const QDateTime upper = prefix == u"lt" ? start : start.addDays(1);
                until = until.isValid() ? qMin(until, upper) : upper;
            }
        } else if (key == u"_count") {
            bool ok = false;
            count = value.toInt(&ok);
            if (!ok || count < 1 || count > kMaxCount)
                return invalid(usage);
        } else if (key == u"_offset") {
            bool ok = false;
            offset = value.toInt(&ok);
            if (!ok || offset < 0)
                return invalid(usage);
        } else {
            return invalid(usage);
        }
    }
    if (sites.size() != 1 || outcomes != QStringList{QStringLiteral("positive")} ||
        query.allQueryItemValues(QStringLiteral("date")).size() > 2)
        return invalid(usage);
    if (sites.first() != user.orgCode)
        return denied(QStringLiteral("A site's review feed is only for roles at that site"));

    QList<ReviewPositive> matched;
    for (const ReviewPositive& p : positivesAt(user.orgCode))
        if (p.when >= from && (!until.isValid() || p.when < until))
            matched.append(p);

    QJsonArray entries;
    QJsonArray roles;
    QStringList rolesSeen;
    const QList<ReviewPositive> page = matched.mid(offset, count);
    for (const ReviewPositive& p : page) {
        entries.append(FhirResources::entry(origin + kPath + u'/' + p.id, auditEvent(p),
                                            QStringLiteral("match")));
        if (rolesSeen.contains(p.viewer.roleId))
            continue;
        rolesSeen.append(p.viewer.roleId);
        roles.append(FhirResources::includedPractitionerRole(p.viewer, origin));
    }
    for (const QJsonValue& r : std::as_const(roles))
        entries.append(r);

    auto link = [&](const QString& relation, int at) {
        QUrlQuery q;
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
            if (key != u"_offset")
                q.addQueryItem(key, value);
        if (at > 0)
            q.addQueryItem(QStringLiteral("_offset"), QString::number(at));
        return QJsonObject{{QStringLiteral("relation"), relation},
                           {QStringLiteral("url"),
                            QString(origin + kPath + u'?' + q.toString(QUrl::FullyEncoded))}};
    };
    QJsonArray links{link(QStringLiteral("self"), offset)};
    if (offset + count < matched.size())
        links.append(link(QStringLiteral("next"), offset + count));

    QJsonObject b = FhirResources::searchset(QStringLiteral("review-") + user.orgCode + u'-' +
                                                 QString::number(now.toSecsSinceEpoch()),
                                             now, int(matched.size()), entries);
    b.insert(QStringLiteral("link"), links);
    return {200, b, {}, {}};
}

QJsonObject ReviewFeed::auditEvent(const ReviewPositive& p) const
{
    QJsonArray entity{QJsonObject{
        {QStringLiteral("what"),
         QJsonObject{{QStringLiteral("identifier"),
                      QJsonObject{{QStringLiteral("system"), vocabulary::kNhsNumberSystem},
                                  {QStringLiteral("value"), p.nhsNumber}}}}},
        {QStringLiteral("role"),
         FhirResources::coding(kObjectRole, QStringLiteral("1"), QStringLiteral("Patient"))}}};
    // One entity per plan found: its type (SNOMED CT) and the responsible local authority.
    for (const SandboxPlan& plan : p.plans) {
        const LocalAuthorityEntry& la = m_authorities.at(plan.laIndex);
        entity.append(QJsonObject{
            {QStringLiteral("what"),
             QJsonObject{{QStringLiteral("identifier"),
                          QJsonObject{{QStringLiteral("system"), vocabulary::kOdsSystem},
                                      {QStringLiteral("value"), la.odsCode}}},
                         {QStringLiteral("display"), la.name}}},
            {QStringLiteral("type"),
             FhirResources::coding(vocabulary::kSnomedSystem, snomedCode(plan.type),
                                   snomedDisplay(plan.type))},
            {QStringLiteral("role"),
             FhirResources::coding(kObjectRole, QStringLiteral("3"), QStringLiteral("Report"))}});
    }
    QJsonObject event = FhirResources::auditEvent(
        p.id, QStringLiteral("E"), p.when,
        QJsonArray{FhirResources::practitionerRoleAgent(p.viewer.roleId)}, entity);
    event.insert(QStringLiteral("outcomeDesc"), QStringLiteral("positive"));
    return event;
}

} // namespace cpis::sandbox
