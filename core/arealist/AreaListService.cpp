#include "core/arealist/AreaListService.h"

#include "core/arealist/AreaListLogging.h"
#include "core/arealist/AreaListParser.h"
#include "core/arealist/AreaListStore.h"
#include "core/crypto/SecretBytes.h"
#include "core/domain/Clock.h"
#include "core/store/CsvWriter.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QTimeZone>

namespace cpis {

namespace {
// One NDJSON line: read, stored and counted, or the reason it was not.
template <typename Resource, typename Store>
bool take(const Result<Resource, AreaListParser::Error>& parsed,
          Store store,
          qint64& count,
          QString* why)
{
    if (!parsed) {
        *why = parsed.error().what;
        return false;
    }
    if (auto s = store(parsed.value()); !s) {
        *why = s.error().message;
        return false;
    }
    ++count;
    return true;
}
} // namespace

AreaListService::AreaListService(AreaListClient* client,
                                 AreaListStore* store,
                                 AccessAuditor* auditor,
                                 const Clock* clock,
                                 QObject* parent)
    : QObject(parent), m_client(client), m_store(store), m_auditor(auditor), m_clock(clock)
{
    qRegisterMetaType<cpis::AreaListService::Outcome>();
}

AreaListService::~AreaListService()
{
    if (m_running) {
        m_client->cancel(m_session);
        m_store->abortSync();
    }
}

std::optional<QString> AreaListService::unavailableReason() const
{
    if (m_client->hasBase())
        return std::nullopt;
    return tr("Area lists need the CP-IS FHIR service, and this desk's profile names none "
              "(cpis-fhir). Ask your administrator.");
}

void AreaListService::listAreas(
    const UserSession& session,
    std::function<void(const Result<QList<AreaInfo>, ServiceError>&)> done)
{
    m_client->listAreas(session, std::move(done));
}

QString AreaListService::describe(const ServiceError& e)
{
    using K = ServiceError::Kind;
    switch (e.kind) {
    case K::Offline:
        return tr("The national service could not be reached.");
    case K::Timeout:
        return tr("The national service did not answer in time.");
    case K::SignInExpired:
        return tr("Your sign-in has expired; sign in again.");
    case K::AccessDenied:
        return tr("Your role may not receive area lists.");
    case K::BadResponse:
        return tr("The national service sent a list the desk could not read (%1).").arg(e.detail);
    case K::Cancelled:
        return tr("Cancelled.");
    default:
        return tr("The national service could not provide the list (%1).")
            .arg(e.httpStatus ? QString::number(e.httpStatus) : ServiceError::kindName(e.kind));
    }
}

// The service's X-Progress is free text in its own words and language: the desk says the
// phase itself, in the user's language, and takes from it only numbers it can recognise.
QString AreaListService::preparingText(const QString& serviceProgress) const
{
    static const QRegularExpression counts(QStringLiteral("(\\d+)\\s+of\\s+(\\d+)"));
    static const QRegularExpression percent(QStringLiteral("(\\d{1,3})\\s*%"));
    if (const auto m = counts.match(serviceProgress); m.hasMatch())
        return tr("The national service is preparing the list: %1 of %2 people")
            .arg(number(m.captured(1).toLongLong()), number(m.captured(2).toLongLong()));
    if (const auto m = percent.match(serviceProgress); m.hasMatch() && m.captured(1).toInt() <= 100)
        return tr("The national service is preparing the list: %1% done")
            .arg(number(m.captured(1).toInt()));
    return tr("The national service is preparing the list…");
}

QString AreaListService::receivingText(Step::Kind kind) const
{
    using Kind = Step::Kind;
    switch (kind) {
    case Kind::Patients:
        return m_patientsTotal ? tr("Receiving %1 of %2 people")
                                     .arg(number(m_outcome.patients), number(*m_patientsTotal))
                               : tr("Receiving people: %1 so far").arg(number(m_outcome.patients));
    case Kind::CareTeams:
        return m_plansTotal ? tr("Receiving %1 of %2 plans")
                                  .arg(number(m_outcome.careTeams), number(*m_plansTotal))
                            : tr("Receiving plans: %1 so far").arg(number(m_outcome.careTeams));
    case Kind::Deleted:
        return tr("Removing what the national service has deleted…");
    case Kind::Problems:
        return tr("Reading the problems the national service reported…");
    }
    return {};
}

bool AreaListService::sync(const UserSession& session, const AreaInfo& area, Mode mode)
{
    if (m_running || !m_client->hasBase())
        return false;
    m_running = true;
    m_session = session;
    m_area = area;
    m_outcome = Outcome{};
    m_manifest = {};
    m_steps.clear();
    m_step = 0;
    m_total = 0;
    m_done = 0;
    m_patientsTotal.reset();
    m_plansTotal.reset();

    std::optional<QDateTime> since;
    if (mode == Mode::Auto) {
        // After a partial sync the next is full: a _since would skip what was not sent.
        if (auto s = m_store->state(area.id); s && s->asOf && s->problems == 0)
            since = s->asOf;
    }
    m_outcome.full = !since;
    qCInfo(lcAreaList, "sync of area %s started (%s)", qUtf8Printable(area.id),
           since ? "changes since the last" : "full");
    emit progress(tr("Asking the national service for the list…"), 0, 0);
    m_client->startExport(
        session, area.id, since,
        [this](const QString& text) { emit progress(preparingText(text), 0, 0); },
        [this](const Result<AreaListClient::Manifest, ServiceError>& r) {
            if (!r) {
                fail(describe(r.error()));
                return;
            }
            onManifest(r.value());
        });
    return true;
}

void AreaListService::onManifest(const AreaListClient::Manifest& m)
{
    using Kind = Step::Kind;
    m_manifest = m;
    bool countsKnown = true;
    qint64 patients = 0;
    qint64 plans = 0;
    bool patientsKnown = true;
    bool plansKnown = true;
    // Patients first, so a CareTeam's person is known when the store checks at the end; then
    // what was deleted; then what the service could not send.
    QList<Step> careTeams;
    int skipped = 0;
    for (const auto& f : m.output) {
        if (f.type == u"Patient") {
            m_steps.append({Kind::Patients, f});
            patientsKnown = patientsKnown && f.count.has_value();
            patients += f.count.value_or(0);
        } else if (f.type == u"CareTeam") {
            careTeams.append({Kind::CareTeams, f});
            plansKnown = plansKnown && f.count.has_value();
            plans += f.count.value_or(0);
        } else {
            ++skipped; // not asked for and not part of a list: not fetched
            continue;
        }
        countsKnown = countsKnown && f.count.has_value();
        m_total += f.count.value_or(0);
    }
    m_steps += careTeams;
    for (const auto& f : m.deleted)
        m_steps.append({Kind::Deleted, f});
    for (const auto& f : m.error)
        m_steps.append({Kind::Problems, f});
    if (!countsKnown)
        m_total = 0; // progress without a total: busy, not a wrong percentage
    if (patientsKnown)
        m_patientsTotal = patients;
    if (plansKnown)
        m_plansTotal = plans;
    if (auto s = m_store->beginSync(m_area.id, m_outcome.full); !s) {
        fail(tr("The encrypted store could not start the update: %1").arg(s.error().message));
        return;
    }
    qCInfo(lcAreaList,
           "area %s: %lld output, %lld deleted, %lld error files (%d of other types skipped), "
           "%lld resources to receive",
           qUtf8Printable(m_area.id), qint64(m.output.size()) - skipped, qint64(m.deleted.size()),
           qint64(m.error.size()), skipped, qint64(m_total));
    nextFile();
}

bool AreaListService::readLine(Step::Kind kind, QByteArrayView line, QString* why)
{
    using Kind = Step::Kind;
    switch (kind) {
    case Kind::Patients:
        return take(
            AreaListParser::patient(line),
            [this](const AreaPatient& p) { return m_store->putPatient(p); }, m_outcome.patients,
            why);
    case Kind::CareTeams:
        return take(
            AreaListParser::careTeam(line),
            [this](const AreaPlan& p) { return m_store->putPlan(p); }, m_outcome.careTeams, why);
    case Kind::Deleted: {
        const auto refs = AreaListParser::deletedBundle(line);
        if (!refs) {
            *why = refs.error().what;
            return false;
        }
        for (const DeletedResource& r : refs.value()) {
            StoreResult<qint64> removed = qint64(0);
            if (r.type == u"CareTeam")
                removed = m_store->removePlan(r.id);
            else if (r.type == u"Patient")
                removed = m_store->removePatient(r.id);
            else
                continue; // not a resource of the list
            if (!removed) {
                *why = removed.error().message;
                return false;
            }
            ++m_outcome.deleted;
        }
        return true;
    }
    case Kind::Problems: {
        const auto issues = AreaListParser::operationOutcome(line);
        if (!issues) {
            // Unread problems could be anything missing: the sync fails, the old list stays.
            *why = issues.error().what;
            return false;
        }
        for (const ExportIssue& i : issues.value()) {
            if (i.severity == u"information")
                continue;
            ++m_outcome.problems;
            if (m_outcome.problemNotes.size() < kMaxProblemNotes)
                m_outcome.problemNotes.append(i.text.isEmpty() ? i.code
                                                               : i.text.simplified().left(300));
        }
        return true;
    }
    }
    return false;
}

void AreaListService::nextFile()
{
    qCDebug(lcAreaList, "area %s: %lld Patient, %lld CareTeam received so far",
            qUtf8Printable(m_area.id), qint64(m_outcome.patients), qint64(m_outcome.careTeams));
    if (m_step >= m_steps.size()) {
        complete();
        return;
    }
    const Step step = m_steps.at(m_step++);
    const bool counted = step.kind == Step::Kind::Patients || step.kind == Step::Kind::CareTeams;
    // Each file starts with its phase's line, so a small list still shows each phase.
    emit progress(receivingText(step.kind), m_done, m_total);
    auto onLine = [this, kind = step.kind, counted](QByteArrayView line, QString* why) {
        if (!readLine(kind, line, why))
            return false;
        // Progress in steps, not per line: 150,000 signals would cost more than the parsing.
        if (counted && (++m_done & 0x3FF) == 0)
            emit progress(receivingText(kind), m_done, m_total);
        return true;
    };
    m_client->download(m_session, step.file, onLine, [this](const Result<qint64, ServiceError>& r) {
        if (!r) {
            fail(describe(r.error()));
            return;
        }
        nextFile();
    });
}

void AreaListService::complete()
{
    emit progress(tr("Saving the list…"), m_total, m_total);
    auto orphans = m_store->orphanPlans();
    if (!orphans || orphans.value() > 0) {
        fail(orphans ? tr("The list names plans of people it does not list.")
                     : tr("The encrypted store failed: %1").arg(orphans.error().message));
        return;
    }
    // Receiving the list is an access: it is recorded before the list becomes visible.
    AccessEvent ev;
    ev.action = AuditEntry::Action::ListSync;
    ev.outcome = AuditEntry::Outcome::Success;
    ev.outcomeDetail = QStringLiteral("%1: %2 Patient, %3 CareTeam")
                           .arg(m_outcome.full ? QStringLiteral("full") : QStringLiteral("since"))
                           .arg(m_outcome.patients)
                           .arg(m_outcome.careTeams);
    if (m_outcome.deleted > 0)
        ev.outcomeDetail += QStringLiteral(", %1 deleted").arg(m_outcome.deleted);
    if (m_outcome.problems > 0)
        ev.outcomeDetail +=
            QStringLiteral(", partial: %1 problems reported").arg(m_outcome.problems);
    ev.reason = QStringLiteral("area ") + m_area.id;
    if (auto a = m_auditor->record(m_session, ev); !a) {
        fail(tr("The audit log could not record the list: %1").arg(a.error().message));
        return;
    }
    if (auto s =
            m_store->commitSync(m_area.name, m_manifest.transactionTime, m_clock->nowUtc().date(),
                                m_outcome.problems, m_outcome.problemNotes);
        !s) {
        fail(tr("The encrypted store could not save the list: %1").arg(s.error().message));
        return;
    }
    m_client->finishJob(m_session);
    m_running = false;
    m_outcome.ok = true;
    qCInfo(lcAreaList,
           "sync of area %s done: %lld Patient, %lld CareTeam, %lld deleted, %lld "
           "problems reported",
           qUtf8Printable(m_area.id), qint64(m_outcome.patients), qint64(m_outcome.careTeams),
           qint64(m_outcome.deleted), qint64(m_outcome.problems));
    emit finished(m_outcome);
}

void AreaListService::fail(const QString& why)
{
    stopUnfinished(why, false);
}

void AreaListService::cancel()
{
    if (m_running)
        stopUnfinished(tr("Cancelled."), true);
}

void AreaListService::stopUnfinished(const QString& why, bool cancelled)
{
    m_store->abortSync();
    m_client->cancel(m_session);
    // A cancel is the user's choice, not a fault of the list: it is not kept as an error.
    if (cancelled)
        (void)m_store->recordCancelled(m_area.id, m_area.name, m_clock->nowUtc());
    else
        (void)m_store->recordFailure(m_area.id, m_area.name, m_clock->nowUtc(), why);
    // What was received is an access even though the list never became visible.
    AccessEvent ev;
    ev.action = AuditEntry::Action::ListSync;
    ev.outcome = cancelled ? AuditEntry::Outcome::Cancelled : AuditEntry::Outcome::Failed;
    ev.outcomeDetail = QStringLiteral("after %1 Patient, %2 CareTeam")
                           .arg(m_outcome.patients)
                           .arg(m_outcome.careTeams);
    ev.reason = QStringLiteral("area ") + m_area.id;
    (void)m_auditor->record(m_session, ev);
    qCInfo(lcAreaList, "sync of area %s %s after %lld Patient, %lld CareTeam",
           qUtf8Printable(m_area.id), cancelled ? "cancelled" : "failed",
           qint64(m_outcome.patients), qint64(m_outcome.careTeams));
    m_running = false;
    m_outcome.ok = false;
    m_outcome.cancelled = cancelled;
    m_outcome.error = why;
    emit finished(m_outcome);
}

AreaSyncState AreaListService::state(const QString& areaId) const
{
    auto s = m_store->state(areaId);
    if (!s) {
        AreaSyncState out;
        out.areaId = areaId;
        out.lastError = s.error().message;
        return out;
    }
    return s.value();
}

std::vector<AreaListRow> AreaListService::rows(const QString& areaId) const
{
    std::vector<AreaListRow> out;
    if (auto st = m_store->state(areaId); st)
        out.reserve(size_t(st->plans));
    (void)m_store->forEachRow(areaId,
                              [&out](const AreaListRowView& r) { out.push_back(toRow(r)); });
    return out;
}

void AreaListService::forEachRow(const QString& areaId,
                                 const std::function<void(const AreaListRowView&)>& row) const
{
    (void)m_store->forEachRow(areaId, row);
}

Result<qint64, QString> AreaListService::exportCsv(const UserSession& session,
                                                   const QString& areaId,
                                                   const std::vector<AreaListRow>& rows,
                                                   QIODevice& out)
{
    // Recorded first: if the audit log cannot say it happened, it does not happen.
    AccessEvent ev;
    ev.action = AuditEntry::Action::Export;
    ev.outcome = AuditEntry::Outcome::Success;
    ev.outcomeDetail = QStringLiteral("csv %1 rows").arg(rows.size());
    ev.reason = QStringLiteral("area ") + areaId;
    if (auto a = m_auditor->record(session, ev); !a)
        return tr("The audit log could not record the export: %1").arg(a.error().message);
    // The file leaves the desk: it says itself which area and as of when, on a # line that
    // comment-aware readers skip and spreadsheets show as a first row. The area's name is a
    // cell of its own, neutralised and quoted like every other.
    QByteArray text;
    const AreaSyncState st = state(areaId);
    const QString name = st.areaName.isEmpty() ? areaId : st.areaName;
    if (st.asOf)
        text += QStringLiteral("# Area list as of %1 UK time,%2\r\n")
                    .arg(st.asOf->toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         CsvWriter::field(name))
                    .toUtf8();
    else
        text +=
            QStringLiteral("# Area list never synced,%1\r\n").arg(CsvWriter::field(name)).toUtf8();
    text += "NHS number,Family name,Given name,Birth date,Gender,Plan,Start,End,"
            "Local authority code,Local authority\r\n";
    for (const AreaListRow& r : rows) {
        const QStringList f{r.nhsNumber,
                            r.familyName,
                            r.givenName,
                            r.birthDate ? r.birthDate->toString(Qt::ISODate) : QString(),
                            r.gender,
                            planTypeShortName(r.type),
                            r.start.toString(Qt::ISODate),
                            r.end ? r.end->toString(Qt::ISODate) : QString(),
                            r.laCode,
                            r.laName};
        text += CsvWriter::row(f);
        if (text.size() > (1 << 20)) {
            if (out.write(text) != text.size())
                return tr("The file could not be written.");
            text.clear();
        }
    }
    if (out.write(text) != text.size())
        return tr("The file could not be written.");
    return qint64(rows.size());
}

void AreaListService::forgetSession()
{
    cancel();
    m_client->forgetSession();
    wipe(m_session);
}

} // namespace cpis
