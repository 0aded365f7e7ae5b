#include "sandbox/endpoints/BulkExport.h"

#include "core/domain/NhsNumber.h"
#include "sandbox/endpoints/SignInService.h"
#include "sandbox/fhir/FhirResources.h"
#include "sandbox/server/SandboxServer.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/ScenarioCatalogue.h"
#include "sandbox/world/SyntheticPopulation.h"
#include "sandbox/world/TestUser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <iterator>

namespace cpis::sandbox {

namespace {
const QString kGroupBase = QStringLiteral("/cpis/FHIR/R4/Group");
const QString kJobBase = QStringLiteral("/cpis/bulk/");
const QString kWorkgroup = QStringLiteral("CPIS-AREA-LISTS");
const QByteArray kFhirJson = "application/fhir+json";
const QByteArray kNdjson = "application/fhir+ndjson";
constexpr int kSchoolsPerAuthority = 20; // as SyntheticPopulation
constexpr int kAreasPerAuthority = 12;
constexpr int kResidentsPerArea = 30;
constexpr int kMaxJobs = 32;
constexpr qint64 kSocketHighWater = 1 << 20;
constexpr int kLinesPerChunk = 400;

class Rng // splitmix64, as the population
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

const char* const kGiven[2][16] = {
    {"Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Grace", "Sophia", "Evie",
     "Poppy", "Aisha", "Zara", "Niamh", "Seren"},
    {"Oliver", "George", "Noah", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry",
     "Jack", "Theo", "Ibrahim", "Kai", "Rhys", "Yusuf"}};
const char* const kFamily[] = {
    "Smith",  "Jones",    "Taylor",  "Brown",    "Williams", "Wilson", "Patel",   "Walker",
    "Evans",  "Khan",     "O'Brien", "Singh",    "Begum",    "Ahmed",  "Hughes",  "Clarke",
    "Turner", "Cooper",   "Murphy",  "Okafor",   "Nowak",    "Kelly",  "Bennett", "Shaw",
    "Morgan", "Fielding", "Young",   "Phillips", "Hall",     "Green",  "Wood",    "Harris"};

QByteArray planCode(PlanType t)
{
    return snomedCode(t).toLatin1();
}

QByteArray planDisplay(PlanType t)
{
    switch (t) {
    case PlanType::ChildProtection:
        return "Child Protection Plan";
    case PlanType::LookedAfter:
        return "Looked After Child";
    case PlanType::UnbornChildProtection:
        return "Unborn Child Protection Plan";
    }
    return {};
}

// JSON string body (without quotes) for the few free-text fields.
void appendEscaped(QByteArray& out, const QString& s)
{
    const QByteArray u = s.toUtf8();
    for (const char c : u) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (uchar(c) < 0x20)
                out +=
                    QByteArray("\\u00") + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
}

QByteArray instant(const QDateTime& t)
{
    return FhirResources::instant(t).toLatin1();
}

QDateTime startOfDay(const QDate& d)
{
    return QDateTime(d, QTime(0, 0), Qt::UTC);
}

std::optional<TestUser> userFor(SignInService& signIn, const QByteArray& auth)
{
    if (!auth.startsWith("Bearer "))
        return std::nullopt;
    return signIn.userForToken(auth.mid(7).trimmed());
}

// A 202's body: information, not an error (FHIR Bulk Data allows an OperationOutcome here).
QByteArray information(const QString& text)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                           {QStringLiteral("issue"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("severity"), QStringLiteral("information")},
                                {QStringLiteral("code"), QStringLiteral("informational")},
                                {QStringLiteral("diagnostics"), text}}}}})
        .toJson(QJsonDocument::Indented);
}

bool isUuid(const QByteArray& v)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(QString::fromLatin1(v)).hasMatch();
}
} // namespace

struct BulkExport::Job
{
    QString id;
    QString owner; // sandbox user id
    int area = 0;  // index into m_areas
    QDateTime transactionTime;
    QString request;
    std::optional<QDateTime> since;
    bool patients = false;
    bool careTeams = false;
    int next = 0;
    int total = 0;
    bool ready = false;
    bool cancelled = false;
    std::vector<quint32> patientRefs;  // member index
    std::vector<quint32> careTeamRefs; // member index << 4 | plan index
};

// Renders one NDJSON file into the socket a few hundred lines at a time, as fast as the client
// takes them: the sandbox never holds a whole file, and the client parses while it renders.
class BulkExport::FileStream : public QObject
{
public:
    FileStream(BulkExport* owner,
               std::shared_ptr<Job> job,
               bool patients,
               size_t from,
               size_t to,
               bool close,
               QTcpSocket* socket)
        : QObject(socket), m_owner(owner), m_job(std::move(job)), m_patients(patients),
          m_next(from), m_end(to), m_close(close), m_socket(socket)
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &FileStream::pump);
        QTimer::singleShot(0, this, &FileStream::pump);
    }

    void pump()
    {
        if (m_finished)
            return;
        if (!m_owner || m_job->cancelled) {
            m_finished = true;
            m_socket->abort();
            return;
        }
        while (m_next < m_end && m_socket->bytesToWrite() < kSocketHighWater) {
            QByteArray chunk;
            const size_t stop = qMin(m_end, m_next + kLinesPerChunk);
            const Area& area = m_owner->m_areas.at(m_job->area);
            const QDate today = m_job->transactionTime.date();
            for (; m_next < stop; ++m_next) {
                if (m_patients) {
                    const Member m = m_owner->memberAt(area, int(m_job->patientRefs[m_next]));
                    chunk += m_owner->patientLine(m.person, patientUpdated(m, today));
                    ++m_owner->m_patientsSent;
                } else {
                    const quint32 ref = m_job->careTeamRefs[m_next];
                    const Member m = m_owner->memberAt(area, int(ref >> 4));
                    const int plan = int(ref & 0xF);
                    chunk +=
                        m_owner->careTeamLine(m.person, plan, today, planUpdated(m, plan, today));
                    ++m_owner->m_careTeamsSent;
                }
                chunk += '\n';
            }
            m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        }
        if (m_next >= m_end) {
            m_finished = true;
            m_socket->write("0\r\n\r\n");
            if (m_close)
                m_socket->disconnectFromHost();
            deleteLater();
        }
    }

private:
    QPointer<BulkExport> m_owner;
    std::shared_ptr<Job> m_job;
    bool m_patients;
    size_t m_next;
    size_t m_end;
    bool m_close;
    QTcpSocket* m_socket;
    bool m_finished = false;
};

BulkExport::BulkExport(SyntheticPopulation& population,
                       const ScenarioCatalogue& scenarios,
                       const LocalAuthorityDirectory& authorities,
                       SignInService& signIn,
                       const Clock& clock,
                       Options options,
                       quint64 seed,
                       QObject* parent)
    : QObject(parent), m_population(population), m_authorities(authorities), m_signIn(signIn),
      m_clock(clock), m_options(options), m_seed(seed), m_anchor(clock.nowUtc().date())
{
    const int sheffield = qMax(0, authorities.indexOf(QStringLiteral("SHE1")));
    for (const auto& s : scenarios.scenarios())
        if (s.fault == Fault::None)
            m_scenarioNumbers.append(s.nhsNumber);

    // Three schools for the school nurse and three health-visiting areas for the health
    // visitor, all in Sheffield (where RX2 works). Each gets residents of its own on plans, so a
    // list has content even with a small population; they are PDS people too.
    for (int k = 1; k <= 3; ++k) {
        Area a;
        a.schoolId = sheffield * kSchoolsPerAuthority + k;
        a.laIndex = sheffield;
        a.info = {QStringLiteral("school-%1").arg(a.schoolId),
                  SyntheticPopulation::schoolName(a.schoolId, authorities),
                  QStringLiteral("school-nurse"), 0};
        m_areas.append(a);
    }
    for (int k = 1; k <= 3; ++k) {
        Area a;
        a.visitingAreaId = sheffield * kAreasPerAuthority + k;
        a.laIndex = sheffield;
        a.info = {QStringLiteral("hva-%1").arg(a.visitingAreaId),
                  SyntheticPopulation::healthVisitingAreaName(a.visitingAreaId, authorities),
                  QStringLiteral("health-visitor"), 0};
        m_areas.append(a);
    }
    for (Area& a : m_areas) {
        for (const SandboxPerson& p :
             residents(a.schoolId, a.visitingAreaId, a.laIndex, kResidentsPerArea)) {
            m_population.addFixed(p);
            m_residentNumbers.append(p.nhsNumber);
        }
    }

    if (m_options.areaSize > 0) {
        Area a;
        a.synthetic = true;
        a.laIndex = sheffield;
        a.loaded = true;
        m_syntheticBases = m_population.takeUnusedBases(m_options.areaSize);
        a.info = {QStringLiteral("school-trust"),
                  QStringLiteral("Sandbox Academy Trust (all schools, synthetic)"),
                  QStringLiteral("school-nurse"), int(m_syntheticBases.size())};
        m_areas.append(a);
    }
}

BulkExport::~BulkExport() = default;

std::vector<SandboxPerson>
BulkExport::residents(int schoolId, int visitingAreaId, int la, int count)
{
    std::vector<SandboxPerson> out;
    const std::vector<quint32> bases = m_population.takeUnusedBases(count);
    Rng rng(m_seed * 0x9E3779B97F4A7C15ull + quint64(schoolId) * 131 + quint64(visitingAreaId));
    const qint32 today = qint32(m_anchor.toJulianDay());
    for (size_t i = 0; i < bases.size(); ++i) {
        SandboxPerson p;
        p.nhsNumber = SyntheticPopulation::nhsNumberFromBase(bases[i]);
        const bool mother = visitingAreaId > 0 && i % 10 == 9; // a pregnant woman with a UCPP
        const int sex = mother ? 0 : rng.below(2);
        p.gender = sex == 0 ? QStringLiteral("female") : QStringLiteral("male");
        p.givenName = QString::fromLatin1(kGiven[sex][rng.below(16)]);
        p.familyName = QString::fromLatin1(kFamily[rng.below(int(std::size(kFamily)))]);
        const int ageDays = mother               ? 20 * 365 + rng.below(15 * 365)
                            : visitingAreaId > 0 ? 30 + rng.below(4 * 365)
                                                 : 4 * 365 + rng.below(12 * 365);
        const qint32 birth = today - ageDays;
        p.birthDate = QDate::fromJulianDay(birth);
        p.laIndex = la;
        p.schoolId = schoolId;
        p.healthVisitingAreaId = visitingAreaId;
        p.addressLine = QStringLiteral("%1 Area Road").arg(i + 1);
        p.city = m_authorities.at(la).name;
        p.postcode = QStringLiteral("ZZ%1 %2XY").arg(la % 99 + 1).arg(i % 10);
        p.phone = QStringLiteral("01632 97%1").arg(bases[i] % 10000, 4, 10, QLatin1Char('0'));
        auto plan = [&](PlanType t, qint32 start, std::optional<qint32> end) {
            SandboxPlan pl;
            pl.type = t;
            pl.start = QDate::fromJulianDay(qMax(start, birth + 1));
            if (end)
                pl.end = QDate::fromJulianDay(*end);
            pl.laIndex = rng.below(5) == 0 ? rng.below(m_authorities.size()) : la;
            p.plans.append(pl);
        };
        if (mother) {
            const qint32 start = today - 10 - rng.below(150);
            plan(PlanType::UnbornChildProtection, start, start + 200);
        } else {
            const int r = rng.below(10);
            const qint32 recent = today - 1 - rng.below(qMin(600, ageDays - 2));
            if (r < 5) {
                plan(PlanType::ChildProtection, recent, std::nullopt);
            } else if (r < 8) {
                plan(PlanType::LookedAfter, recent, std::nullopt);
            } else if (r < 9 && ageDays > 200) {
                const qint32 end = today - 1 - rng.below(qMin(300, ageDays - 100));
                plan(PlanType::ChildProtection, end - 90, end);
                plan(PlanType::LookedAfter, end + 1, std::nullopt);
            } else if (ageDays > 200) {
                const qint32 end = today - 1 - rng.below(qMin(300, ageDays - 100));
                plan(PlanType::ChildProtection, end - 90, end);
            } else {
                plan(PlanType::ChildProtection, recent, std::nullopt);
            }
        }
        out.push_back(p);
    }
    return out;
}

BulkExport::Area* BulkExport::area(const QString& id)
{
    for (Area& a : m_areas)
        if (a.info.id == id)
            return &a;
    return nullptr;
}

void BulkExport::load(Area& a)
{
    if (a.loaded)
        return;
    a.loaded = true;
    auto belongs = [&a](const SandboxPerson& p) {
        if (a.schoolId > 0)
            return p.schoolId == a.schoolId;
        // A pregnant woman has no health-visiting area of her own: she is on her local
        // authority's first area's list.
        if (p.healthVisitingAreaId == 0)
            return p.laIndex * kAreasPerAuthority + 1 == a.visitingAreaId &&
                   std::any_of(p.plans.cbegin(), p.plans.cend(), [](const SandboxPlan& pl) {
                       return pl.type == PlanType::UnbornChildProtection;
                   });
        return p.healthVisitingAreaId == a.visitingAreaId;
    };
    QStringList seen;
    auto take = [&](const SandboxPerson& p) {
        if (p.plans.isEmpty() || !belongs(p) || seen.contains(p.nhsNumber))
            return;
        seen.append(p.nhsNumber);
        a.members.append(Member{p, {}, QList<QDateTime>(p.plans.size())});
    };
    for (const QString& n : std::as_const(m_scenarioNumbers))
        if (const auto f = m_population.find(n); f && !f->superseded)
            take(f->person);
    for (int i = 0; i < m_population.generatedCount(); ++i)
        take(m_population.generatedAt(i));
    for (const QString& n : std::as_const(m_residentNumbers))
        if (const auto f = m_population.find(n); f && !f->superseded)
            take(f->person);
}

int BulkExport::memberCount(const Area& a) const
{
    return a.synthetic ? int(m_syntheticBases.size()) : int(a.members.size());
}

BulkExport::Member BulkExport::memberAt(const Area& a, int index) const
{
    return a.synthetic ? syntheticMember(a, index) : a.members.at(index);
}

BulkExport::Member BulkExport::syntheticMember(const Area& a, int index) const
{
    Rng rng(m_seed * 0xD1B54A32D192ED03ull + quint64(index) * 0x9E3779B97F4A7C15ull);
    SandboxPerson p;
    const quint32 base = m_syntheticBases[size_t(index)];
    p.nhsNumber = SyntheticPopulation::nhsNumberFromBase(base);
    const int sex = rng.below(2);
    p.gender = sex == 0 ? QStringLiteral("female") : QStringLiteral("male");
    p.givenName = QString::fromLatin1(kGiven[sex][rng.below(16)]);
    p.familyName = QString::fromLatin1(kFamily[rng.below(int(std::size(kFamily)))]);
    const qint32 today = qint32(m_anchor.toJulianDay());
    const int ageDays = 4 * 365 + rng.below(12 * 365);
    const qint32 birth = today - ageDays;
    p.birthDate = QDate::fromJulianDay(birth);
    p.laIndex = a.laIndex;
    const int la = rng.below(100) < 85 ? a.laIndex : rng.below(m_authorities.size());
    auto plan = [&](PlanType t, qint32 start, std::optional<qint32> end) {
        SandboxPlan pl;
        pl.type = t;
        pl.start = QDate::fromJulianDay(qMax(start, birth + 1));
        if (end)
            pl.end = QDate::fromJulianDay(*end);
        pl.laIndex = la;
        p.plans.append(pl);
    };
    const int r = rng.below(100);
    if (r < 55) {
        plan(PlanType::ChildProtection, today - 1 - rng.below(700), std::nullopt);
    } else if (r < 85) {
        plan(PlanType::LookedAfter, today - 1 - rng.below(1500), std::nullopt);
    } else {
        const qint32 end = today - 1 - rng.below(300);
        plan(PlanType::ChildProtection, end - 90 - rng.below(400), end);
        if (r >= 95)
            plan(PlanType::LookedAfter, end + 1, std::nullopt);
    }
    return Member{p, {}, QList<QDateTime>(p.plans.size())};
}

bool BulkExport::visible(const SandboxPlan& plan, const QDate& today)
{
    if (!plan.end)
        return true;
    const int grace =
        plan.type == PlanType::UnbornChildProtection ? kEndedWindowDaysUcpp : kEndedWindowDays;
    return plan.end->addDays(grace) >= today;
}

// A CareTeam changes when its plan starts and again the day after it ends (status becomes
// inactive); the hook's changes count too.
QDateTime BulkExport::planUpdated(const Member& m, int planIndex, const QDate& today)
{
    const SandboxPlan& plan = m.person.plans.at(planIndex);
    QDate d = plan.start;
    if (plan.end && plan.end->addDays(1) <= today)
        d = plan.end->addDays(1);
    const QDateTime derived = startOfDay(d);
    const QDateTime hooked = m.planUpdated.value(planIndex);
    return hooked.isValid() && hooked > derived ? hooked : derived;
}

// A Patient joins the list when its earliest listed plan starts.
QDateTime BulkExport::patientUpdated(const Member& m, const QDate& today)
{
    QDate first;
    for (const SandboxPlan& p : m.person.plans)
        if (visible(p, today) && (!first.isValid() || p.start < first))
            first = p.start;
    const QDateTime derived = startOfDay(first.isValid() ? first : today);
    return m.patientUpdated.isValid() && m.patientUpdated > derived ? m.patientUpdated : derived;
}

QList<BulkExport::GroupInfo> BulkExport::groups() const
{
    QList<GroupInfo> out;
    for (const Area& a : m_areas)
        out.append(a.info);
    return out;
}

bool BulkExport::amendMember(const QString& groupId,
                             const QString& nhsNumber,
                             const std::function<void(SandboxPerson&)>& change)
{
    Area* a = area(groupId);
    if (!a || a->synthetic)
        return false;
    load(*a);
    for (Member& m : a->members) {
        if (m.person.nhsNumber != nhsNumber)
            continue;
        const SandboxPerson before = m.person;
        change(m.person);
        m.person.nhsNumber = nhsNumber;
        const QDateTime now = m_clock.nowUtc();
        if (before.givenName != m.person.givenName || before.familyName != m.person.familyName ||
            before.birthDate != m.person.birthDate || before.gender != m.person.gender)
            m.patientUpdated = now;
        m.planUpdated.resize(m.person.plans.size());
        for (int i = 0; i < m.person.plans.size(); ++i) {
            const SandboxPlan& p = m.person.plans.at(i);
            const bool same = i < before.plans.size() && before.plans.at(i).type == p.type &&
                              before.plans.at(i).start == p.start &&
                              before.plans.at(i).end == p.end &&
                              before.plans.at(i).laIndex == p.laIndex;
            if (!same)
                m.planUpdated[i] = now;
        }
        return true;
    }
    return false;
}

bool BulkExport::addMember(const QString& groupId, const SandboxPerson& person)
{
    Area* a = area(groupId);
    if (!a || a->synthetic || person.plans.isEmpty() || person.plans.size() > 15)
        return false;
    load(*a);
    const QDateTime now = m_clock.nowUtc();
    a->members.append(Member{person, now, QList<QDateTime>(person.plans.size(), now)});
    return true;
}

const QByteArray& BulkExport::authorityFragment(int laIndex) const
{
    auto it = m_authorityJson.find(laIndex);
    if (it != m_authorityJson.end())
        return *it;
    const LocalAuthorityEntry& la = m_authorities.at(laIndex);
    QByteArray f = "\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"la\","
                   "\"identifier\":[{\"system\":\"" +
                   FhirResources::kOdsSystem.toLatin1() + "\",\"value\":\"";
    appendEscaped(f, la.odsCode);
    f += "\"}],\"name\":\"";
    appendEscaped(f, la.name);
    f += "\",\"telecom\":[{\"system\":\"phone\",\"value\":\"";
    appendEscaped(f, la.officeHoursPhone);
    f += "\",\"use\":\"work\"},{\"system\":\"phone\",\"value\":\"";
    appendEscaped(f, la.emergencyDutyPhone);
    f += "\",\"use\":\"mobile\"}]}],";
    QByteArray managing = "\"managingOrganization\":[{\"reference\":\"#la\",\"display\":\"";
    appendEscaped(managing, la.name);
    managing += "\"}]";
    // Two fragments in one value: the contained Organization, then (after a NUL) the reference.
    return *m_authorityJson.insert(laIndex, f + '\0' + managing);
}

QByteArray BulkExport::patientLine(const SandboxPerson& p, const QDateTime& lastUpdated) const
{
    QByteArray out;
    out.reserve(320);
    out += "{\"resourceType\":\"Patient\",\"id\":\"" + p.nhsNumber.toLatin1() +
           "\",\"meta\":{\"lastUpdated\":\"" + instant(lastUpdated) +
           "\"},\"identifier\":[{\"system\":\"" + FhirResources::kNhsSystem.toLatin1() +
           "\",\"value\":\"" + p.nhsNumber.toLatin1() +
           "\"}],\"name\":[{\"use\":\"usual\",\"family\":\"";
    appendEscaped(out, p.familyName);
    out += "\",\"given\":[\"";
    appendEscaped(out, p.givenName);
    out += "\"]}],\"gender\":\"" + p.gender.toLatin1() + "\",\"birthDate\":\"" +
           p.birthDate.toString(Qt::ISODate).toLatin1() + "\"}";
    return out;
}

QByteArray BulkExport::careTeamLine(const SandboxPerson& p,
                                    int planIndex,
                                    const QDate& today,
                                    const QDateTime& lastUpdated) const
{
    const SandboxPlan& plan = p.plans.at(planIndex);
    const QByteArray& la = authorityFragment(plan.laIndex);
    const qsizetype split = la.indexOf('\0');
    const bool active = !plan.end || *plan.end >= today;
    QByteArray out;
    out.reserve(900);
    out += "{\"resourceType\":\"CareTeam\",\"id\":\"" + p.nhsNumber.toLatin1() + '-' +
           QByteArray::number(planIndex + 1) + "\",\"meta\":{\"lastUpdated\":\"" +
           instant(lastUpdated) + "\"},";
    out.append(QByteArrayView(la).first(split));
    out += QByteArray("\"status\":\"") + (active ? "active" : "inactive") +
           "\",\"category\":[{\"coding\":[{\"system\":\"" +
           FhirResources::kSnomedSystem.toLatin1() + "\",\"code\":\"" + planCode(plan.type) +
           "\",\"display\":\"" + planDisplay(plan.type) +
           "\"}]}],\"subject\":{\"identifier\":{\"system\":\"" +
           FhirResources::kNhsSystem.toLatin1() + "\",\"value\":\"" + p.nhsNumber.toLatin1() +
           "\"}},\"period\":{\"start\":\"" + plan.start.toString(Qt::ISODate).toLatin1() + '"';
    if (plan.end)
        out += ",\"end\":\"" + plan.end->toString(Qt::ISODate).toLatin1() + '"';
    out += "},";
    out.append(QByteArrayView(la).sliced(split + 1));
    out += '}';
    return out;
}

BulkExport::Answer BulkExport::error(int status, const QString& spineCode, const QString& why) const
{
    Answer a{status,
             kFhirJson,
             QJsonDocument(FhirResources::operationOutcome(status, spineCode, why))
                 .toJson(QJsonDocument::Indented),
             {}};
    if (status == 401)
        a.headers.append({QByteArray("WWW-Authenticate"), "Bearer"});
    return a;
}

void BulkExport::write(QTcpSocket* socket, const Answer& a, bool close)
{
    SandboxServer::write(socket, {a.status, a.contentType, a.body, a.headers}, close);
}

bool BulkExport::dispatch(const Request& in, QTcpSocket* socket)
{
    const bool group = in.path == kGroupBase || in.path.startsWith(kGroupBase + u'/');
    const bool job = in.path.startsWith(kJobBase);
    if (!group && !job)
        return false;

    auto answer = [&](const Answer& a) {
        Answer out = a;
        if (const QByteArray id = in.header("x-request-id"); !id.isEmpty())
            out.headers.append({QByteArray("X-Request-ID"), id});
        if (const QByteArray id = in.header("x-correlation-id"); !id.isEmpty())
            out.headers.append({QByteArray("X-Correlation-ID"), id});
        write(socket, out, in.close);
        return true;
    };

    const QByteArray auth = in.header("authorization");
    const auto user = userFor(m_signIn, auth);
    if (!user)
        return answer(error(401, QStringLiteral("ACCESS_DENIED"),
                            auth.isEmpty() ? QStringLiteral("Missing Authorization header")
                                           : QStringLiteral("Invalid or expired access token")));
    if (group) {
        const QByteArray requestId = in.header("x-request-id");
        if (requestId.isEmpty())
            return answer(error(400, QStringLiteral("PRECONDITION_FAILED"),
                                QStringLiteral("Missing X-Request-ID header")));
        if (!isUuid(requestId))
            return answer(error(400, QStringLiteral("PRECONDITION_FAILED"),
                                QStringLiteral("Invalid value - X-Request-ID is not a UUID")));
    }
    if (!user->workgroups.contains(kWorkgroup))
        return answer(error(403, QStringLiteral("ACCESS_DENIED"),
                            QStringLiteral("The user's role has no CPIS-AREA-LISTS workgroup")));

    if (group) {
        if (in.method != "GET")
            return answer(error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                                QStringLiteral("Only GET is offered here")));
        if (in.path == kGroupBase)
            return answer(groupBundle(in, *user));
        const QString rest = in.path.mid(kGroupBase.size() + 1);
        const qsizetype slash = rest.indexOf(u'/');
        if (slash > 0 && rest.mid(slash + 1) == u"$export")
            return answer(kickOff(in, *user, rest.left(slash)));
        return answer(error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                            QStringLiteral("No endpoint at this path")));
    }

    const QStringList parts = in.path.mid(kJobBase.size()).split(u'/');
    if (parts.size() == 1) {
        if (in.method == "DELETE")
            return answer(cancel(in, *user, parts.first()));
        if (in.method == "GET")
            return answer(status(in, *user, parts.first()));
    } else if (parts.size() == 2 && in.method == "GET") {
        if (streamFile(in, *user, parts.first(), parts.at(1), socket))
            return true;
    }
    return answer(error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                        QStringLiteral("No export job or file at this path")));
}

BulkExport::Answer BulkExport::groupBundle(const Request& in, const TestUser& user)
{
    if (!in.query.isEmpty())
        return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                     QStringLiteral("Group takes no search parameters"));
    const QDate today = m_clock.nowUtc().date();
    QJsonArray entries;
    for (Area& a : m_areas) {
        if (a.info.userId != user.id)
            continue;
        load(a);
        int quantity = 0;
        if (a.synthetic) {
            quantity = memberCount(a);
        } else {
            for (const Member& m : std::as_const(a.members))
                if (std::any_of(m.person.plans.cbegin(), m.person.plans.cend(),
                                [&](const SandboxPlan& p) { return visible(p, today); }))
                    ++quantity;
        }
        const QJsonObject g{{QStringLiteral("resourceType"), QStringLiteral("Group")},
                            {QStringLiteral("id"), a.info.id},
                            {QStringLiteral("type"), QStringLiteral("person")},
                            {QStringLiteral("actual"), true},
                            {QStringLiteral("name"), a.info.name},
                            {QStringLiteral("quantity"), quantity}};
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"), QString(in.origin + kGroupBase + u'/' + a.info.id)},
            {QStringLiteral("resource"), g},
            {QStringLiteral("search"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    }
    const QDateTime now = m_clock.nowUtc();
    QJsonObject b{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                  {QStringLiteral("id"), QStringLiteral("groups-%1").arg(user.id)},
                  {QStringLiteral("meta"),
                   QJsonObject{{QStringLiteral("lastUpdated"), FhirResources::instant(now)}}},
                  {QStringLiteral("type"), QStringLiteral("searchset")},
                  {QStringLiteral("total"), int(entries.size())}};
    if (!entries.isEmpty())
        b.insert(QStringLiteral("entry"), entries);
    return {200, kFhirJson, QJsonDocument(b).toJson(QJsonDocument::Indented), {}};
}

BulkExport::Answer
BulkExport::kickOff(const Request& in, const TestUser& user, const QString& groupId)
{
    Area* a = area(groupId);
    if (!a || a->info.userId != user.id)
        return error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                     QStringLiteral("No Group with this id for this role"));
    if (in.header("prefer").trimmed() != "respond-async")
        return error(400, QStringLiteral("PRECONDITION_FAILED"),
                     QStringLiteral("$export needs the header Prefer: respond-async"));
    auto job = std::make_shared<Job>();
    for (const auto& [key, value] : in.query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"_type") {
            for (const QString& t : value.split(u',')) {
                if (t == u"Patient")
                    job->patients = true;
                else if (t == u"CareTeam")
                    job->careTeams = true;
                else
                    return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                                 QStringLiteral("_type names a resource type not exported: "
                                                "only Patient and CareTeam"));
            }
        } else if (key == u"_since") {
            static const QRegularExpression re(
                QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]"
                               "\\d{2}:\\d{2})$"));
            const QDateTime since = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!re.match(value).hasMatch() || !since.isValid())
                return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                             QStringLiteral("_since is not a FHIR instant with a time zone"));
            job->since = since.toUTC();
        } else if (key == u"_outputFormat") {
            if (value != u"application/fhir+ndjson" && value != u"ndjson" &&
                value != u"application/ndjson")
                return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                             QStringLiteral("_outputFormat must be application/fhir+ndjson"));
        } else {
            return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                         QStringLiteral("$export takes _type, _since and _outputFormat only"));
        }
    }
    if (!job->patients && !job->careTeams)
        return error(400, QStringLiteral("INVALID_SEARCH_DATA"),
                     QStringLiteral("$export needs _type=Patient,CareTeam (or one of them)"));

    load(*a);
    job->id = QStringLiteral("job-%1").arg(m_nextJob++);
    job->owner = user.id;
    job->area = int(a - m_areas.data());
    job->transactionTime = m_clock.nowUtc();
    job->request = in.origin + in.path +
                   (in.query.isEmpty() ? QString() : u'?' + in.query.toString(QUrl::FullyDecoded));
    job->total = memberCount(*a);
    m_jobs.insert(job->id, job);
    m_jobOrder.append(job->id);
    while (m_jobOrder.size() > kMaxJobs) {
        if (auto old = m_jobs.take(m_jobOrder.takeFirst()))
            old->cancelled = true;
    }
    QTimer::singleShot(m_options.prepareIntervalMs, this, [this, job] { prepareSome(job); });

    Answer r{202,
             kFhirJson,
             information(QStringLiteral("Export accepted: poll the Content-Location URL")),
             {}};
    r.headers.append({QByteArray("Content-Location"), (in.origin + kJobBase + job->id).toLatin1()});
    return r;
}

void BulkExport::prepareSome(const std::shared_ptr<Job>& job)
{
    if (job->cancelled)
        return;
    const Area& a = m_areas.at(job->area);
    const QDate today = job->transactionTime.date();
    const int stop = qMin(job->total, job->next + qMax(1, m_options.preparePerTurn));
    auto changed = [&job](const QDateTime& t) {
        return (!job->since || t > *job->since) && t <= job->transactionTime;
    };
    for (; job->next < stop; ++job->next) {
        const Member m = memberAt(a, job->next);
        bool any = false;
        for (int k = 0; k < m.person.plans.size(); ++k) {
            if (!visible(m.person.plans.at(k), today))
                continue;
            any = true;
            if (job->careTeams && changed(planUpdated(m, k, today)))
                job->careTeamRefs.push_back(quint32(job->next) << 4 | quint32(k));
        }
        if (any && job->patients && changed(patientUpdated(m, today)))
            job->patientRefs.push_back(quint32(job->next));
    }
    if (job->next >= job->total) {
        job->ready = true;
        return;
    }
    QTimer::singleShot(m_options.prepareIntervalMs, this, [this, job] { prepareSome(job); });
}

BulkExport::Answer BulkExport::status(const Request& in, const TestUser& user, const QString& jobId)
{
    const auto job = m_jobs.value(jobId);
    if (!job || job->owner != user.id)
        return error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                     QStringLiteral("No export job with this id for this user"));
    if (!job->ready) {
        Answer r{202, {}, {}, {}};
        const int pct = job->total > 0 ? int(qint64(job->next) * 100 / job->total) : 0;
        r.headers.append(
            {QByteArray("X-Progress"), QStringLiteral("preparing: %1% (%2 of %3 people)")
                                           .arg(pct)
                                           .arg(job->next)
                                           .arg(job->total)
                                           .toLatin1()});
        r.headers.append({QByteArray("Retry-After"), QByteArray::number(m_options.retryAfterSecs)});
        return r;
    }
    const int perFile = qMax(1, m_options.maxFileResources);
    QJsonArray output;
    auto files = [&](const char* type, size_t count) {
        for (size_t from = 0, n = 1; from < count; from += size_t(perFile), ++n)
            output.append(
                QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                            {QStringLiteral("url"),
                             QStringLiteral("%1%2%3/%4-%5.ndjson")
                                 .arg(in.origin, kJobBase, job->id, QString::fromLatin1(type))
                                 .arg(n)},
                            {QStringLiteral("count"), int(qMin(size_t(perFile), count - from))}});
    };
    files("Patient", job->patientRefs.size());
    files("CareTeam", job->careTeamRefs.size());
    const QJsonObject manifest{
        {QStringLiteral("transactionTime"), FhirResources::instant(job->transactionTime)},
        {QStringLiteral("request"), job->request},
        {QStringLiteral("requiresAccessToken"), true},
        {QStringLiteral("output"), output},
        {QStringLiteral("error"), QJsonArray{}}};
    return {200, "application/json", QJsonDocument(manifest).toJson(QJsonDocument::Indented), {}};
}

BulkExport::Answer BulkExport::cancel(const Request&, const TestUser& user, const QString& jobId)
{
    const auto job = m_jobs.value(jobId);
    if (!job || job->owner != user.id)
        return error(404, QStringLiteral("RESOURCE_NOT_FOUND"),
                     QStringLiteral("No export job with this id for this user"));
    job->cancelled = true;
    m_jobs.remove(jobId);
    m_jobOrder.removeAll(jobId);
    return {
        202, kFhirJson, information(QStringLiteral("Export cancelled and its files deleted")), {}};
}

bool BulkExport::streamFile(const Request& in,
                            const TestUser& user,
                            const QString& jobId,
                            const QString& file,
                            QTcpSocket* socket)
{
    const auto job = m_jobs.value(jobId);
    if (!job || job->owner != user.id || !job->ready)
        return false;
    static const QRegularExpression re(QStringLiteral("^(Patient|CareTeam)-(\\d+)\\.ndjson$"));
    const auto m = re.match(file);
    if (!m.hasMatch())
        return false;
    const bool patients = m.captured(1) == u"Patient";
    const size_t n = m.captured(2).toULongLong();
    const size_t count = patients ? job->patientRefs.size() : job->careTeamRefs.size();
    const size_t perFile = size_t(qMax(1, m_options.maxFileResources));
    if (n < 1 || (n - 1) * perFile >= count)
        return false;
    const size_t from = (n - 1) * perFile;
    const size_t to = qMin(count, from + perFile);

    QByteArray head =
        "HTTP/1.1 200 OK\r\nContent-Type: " + kNdjson + "\r\nTransfer-Encoding: chunked\r\n";
    if (const QByteArray id = in.header("x-request-id"); !id.isEmpty())
        head += "X-Request-ID: " + id + "\r\n";
    if (in.close)
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    new FileStream(this, job, patients, from, to, in.close, socket);
    return true;
}

} // namespace cpis::sandbox
