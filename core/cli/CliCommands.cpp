#include "core/cli/CliCommands.h"

#include "core/audit/AuditExport.h"
#include "core/crypto/SecretBytes.h"
#include "core/desk/DeskServices.h"
#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/hub/HubForwarder.h"
#include "core/lookup/LookupJson.h"
#include "core/mesh/MeshSecrets.h"
#include "core/store/ExportFile.h"
#include "core/store/KeyProvider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace cpis {

CliCommands::CliCommands(DeskServices& services,
                         SessionSource session,
                         QTextStream& out,
                         QTextStream& err,
                         QObject* parent)
    : QObject(parent), m_services(services), m_session(std::move(session)), m_out(out), m_err(err)
{}

int CliCommands::checkNhsArgument(const QStringList& args, QTextStream& err)
{
    if (args.size() != 1) {
        err << "cpis: expected exactly one NHS number\n";
        return BadInput;
    }
    const auto parsed = NhsNumber::parse(args.first());
    if (!parsed) {
        err << "cpis: " << parsed.error().message << '\n';
        return BadInput;
    }
    return -1;
}

int CliCommands::exitCodeFor(const LookupResult& r)
{
    // An answer that was not recorded is still shown; the exit code says it was not recorded,
    // and the output says what the answer was.
    switch (r.state) {
    case LookupResult::State::PlansFound:
        return r.auditFailed ? NotAudited : r.fromCache ? CachedPlansFound : PlansFound;
    case LookupResult::State::NoRecord:
        return r.auditFailed ? NotAudited : r.fromCache ? CachedNoRecord : NoRecord;
    case LookupResult::State::CouldNotCheck:
        break;
    }
    switch (r.reason) {
    case LookupResult::Reason::SignInExpired:
    case LookupResult::Reason::NotPermitted:
        return NotSignedIn;
    default:
        return CouldNotCheck;
    }
}

int CliCommands::anchored(int code)
{
    const StoreStatus saved = m_services.flushAuditAnchor();
    if (saved)
        return code;
    m_err << "cpis: WARNING: the audit log's anchor could not be saved, so the newest entries "
             "are not protected against being cut off: "
          << saved.error().message << '\n';
    m_err.flush();
    const bool succeeded =
        code == Ok || code == PlansFound || code == CachedPlansFound || code == CachedNoRecord;
    return succeeded ? NotAudited : code;
}

QString CliCommands::humanText(const LookupResult& r, const QDate& today)
{
    QString t;
    QTextStream s(&t);
    if (r.patient) {
        const Demographics& d = *r.patient;
        s << display::patientName(d.familyName, d.givenName, d.title) << "  Born "
          << display::bornWithAge(d.birthDate, d.deceased, today);
        if (d.deceased)
            s << "  " << display::died(*d.deceased);
        s << "  Gender " << display::gender(d.gender) << "  NHS No. " << d.nhsNumber.display()
          << '\n';
        if (d.supersededFrom)
            s << "NHS number " << d.supersededFrom->display() << " has been replaced by "
              << d.nhsNumber.display() << ".\n";
        if (d.restricted())
            s << "Restricted record: address, contact details and GP withheld.\n";
        else if (!d.temporaryAddress.isEmpty())
            s << "Temporary address: " << d.temporaryAddress << '\n';
    }
    if (r.fromCache)
        s << "FROM CACHE: the national service could not be reached ("
          << LookupResult::reasonText(r.reason, r.retryAfterSecs) << ") This answer is as of "
          << display::dateTime(r.answeredAtUtc) << ".\n";
    switch (r.state) {
    case LookupResult::State::PlansFound:
        s << "CP-IS ALERT: " << r.plans.size() + r.undisplayable.size() << " plan(s) found\n";
        for (const CpisPlan& p : r.plans) {
            s << "  " << planTypeText(p.type) << ": started " << display::date(p.start) << ", ";
            if (!p.end)
                s << "ongoing";
            else if (p.hasEndedBy(today))
                s << "ENDED " << display::date(*p.end);
            else
                s << "ends " << display::date(*p.end);
            s << '\n'
              << "    Local authority: " << p.authority.name << " (" << p.authority.odsCode << ")\n"
              << "    Office hours: " << p.authority.officeHoursPhone << '\n'
              << "    Emergency duty (out of hours): " << p.authority.emergencyDutyPhone << '\n';
        }
        for (const UndisplayableRecord& u : r.undisplayable) {
            s << "  CP-IS holds a record this desk cannot display: contact the responsible local "
                 "authority.\n";
            if (u.authority)
                s << "    Local authority: " << u.authority->name << " (" << u.authority->odsCode
                  << ")\n    Office hours: " << u.authority->officeHoursPhone
                  << "\n    Emergency duty (out of hours): " << u.authority->emergencyDutyPhone
                  << '\n';
            else
                s << "    The local authority's contacts could not be read from the answer.\n";
        }
        break;
    case LookupResult::State::NoRecord:
        s << "No CP-IS record found for NHS number " << r.asked.display() << " when checked at "
          << display::dateTime(r.answeredAtUtc)
          << ". This does not mean the child is not known to social care.\n";
        break;
    case LookupResult::State::CouldNotCheck:
        s << "COULD NOT CHECK CP-IS: " << LookupResult::reasonText(r.reason, r.retryAfterSecs);
        if (r.attempts > 0)
            s << " (tried " << r.attempts << (r.attempts == 1 ? " time)" : " times)");
        s << "\nFollow local safeguarding procedure.\n";
        break;
    }
    if (r.notificationSent)
        s << "The responsible local authority has been notified of this attendance.\n";
    if (r.auditFailed)
        s << "WARNING: this look-up could not be recorded in the audit log.\n";
    return t;
}

QString CliCommands::environmentLine() const
{
    const ServiceProfile& p = m_services.config().profile;
    if (p.isTraining())
        return QStringLiteral("[TRAINING: synthetic data from the built-in sandbox, not a real "
                              "answer]");
    return QStringLiteral("[environment %1, profile %2]").arg(p.environment, p.name);
}

void CliCommands::printEnvironment()
{
    m_out << environmentLine() << '\n';
    m_out.flush();
}

namespace {

// The environment an answer came from, as fields of the JSON that carries it.
void tagEnvironment(QJsonObject& o, const ServiceProfile& p)
{
    o.insert(QStringLiteral("environment"), p.environment);
    o.insert(QStringLiteral("training"), p.isTraining());
}

} // namespace

void CliCommands::withSession(const Done& done, std::function<void(const UserSession&)> then)
{
    m_session([this, done, then](const Result<UserSession, QString>& session) {
        if (!session) {
            m_err << "cpis: not signed in: " << session.error() << '\n';
            m_err.flush();
            done(NotSignedIn);
            return;
        }
        then(session.value());
    });
}

void CliCommands::lookup(const NhsNumber& nhs, bool json, Done done)
{
    withSession(done, [this, nhs, json, done](const UserSession& session) {
        m_services.lookups().setSession(session);
        m_services.lookups().lookup(nhs, this, [this, json, done](const LookupResult& r) {
            const QDate today = m_services.clock()->nowUtc().date();
            if (json) {
                QJsonObject o = LookupJson::toJson(r, today);
                tagEnvironment(o, m_services.config().profile);
                m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            } else
                m_out << humanText(r, today);
            m_out.flush();
            done(exitCodeFor(r));
        });
    });
}

void CliCommands::history(const NhsNumber& nhs, bool json, Done done)
{
    withSession(done, [this, nhs, json, done](const UserSession& session) {
        // The call context points at the session: it lives as long as the callback does.
        auto who = std::make_shared<UserSession>(session);
        NationalServiceClient::CallContext ctx;
        ctx.session = who.get();
        ctx.unscheduledAccess = who->isUnscheduledAccess(m_services.config().site());
        m_services.client().accessHistory(
            nhs, ctx, this,
            [this, who, nhs, json, done](const Result<QList<AccessRecord>, ServiceError>& r,
                                         const QByteArray& requestId) {
                AccessEvent ev;
                ev.action = AuditEntry::Action::View;
                ev.subject = nhs;
                ev.outcome = r ? AuditEntry::Outcome::Success : AuditEntry::Outcome::CouldNotCheck;
                ev.outcomeDetail =
                    r ? QStringLiteral("access-history") : ServiceError::kindName(r.error().kind);
                ev.requestId = requestId;
                const bool audited = m_services.audit(*who, ev).ok();
                if (!r) {
                    m_err << "cpis: could not read the access history: "
                          << LookupResult::reasonText(LookupResult::reasonFor(r.error().kind),
                                                      r.error().retryAfterSecs)
                          << '\n';
                    m_err.flush();
                    done(r.error().kind == ServiceError::Kind::SignInExpired ? NotSignedIn
                                                                             : CouldNotCheck);
                    return;
                }
                if (json) {
                    LookupResult shaped;
                    shaped.accessHistory = r.value();
                    QJsonObject o{
                        {QStringLiteral("accessHistory"),
                         LookupJson::toJson(shaped, {}).value(QStringLiteral("accessHistory"))}};
                    tagEnvironment(o, m_services.config().profile);
                    m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
                } else {
                    if (r->isEmpty())
                        m_out << "No access recorded.\n";
                    for (const AccessRecord& a : r.value())
                        m_out << display::dateTime(a.when) << "  " << a.viewerName << "  " << a.role
                              << "  " << a.organisation << '\n';
                }
                if (!audited)
                    m_err << "cpis: WARNING: this view could not be recorded in the audit log\n";
                m_out.flush();
                m_err.flush();
                done(audited ? Ok : NotAudited);
            });
    });
}

int CliCommands::auditVerify()
{
    auto verdict = m_services.store().audit().verify();
    if (!verdict) {
        m_err << "cpis: could not read the audit log: " << verdict.error().message << '\n';
        return LocalFailure;
    }
    if (verdict->ok()) {
        m_out << "audit log intact: " << verdict->entries << " entries\n";
        return Ok;
    }
    m_out << "AUDIT LOG TAMPERED: " << verdict->message << '\n';
    return AuditTampered;
}

int CliCommands::auditStatus()
{
    const ServiceProfile& p = m_services.config().profile;
    if (p.auditHub.isEmpty()) {
        m_out << "audit hub: none (profile '" << p.name << "' names no audit-hub)\n"
              << "audit log: " << m_services.store().audit().lastSeq() << " entries, kept on "
              << "this desk only\n";
        return Ok;
    }
    auto st = HubForwarder::readState(m_services.store().auditDatabase(), p.auditHub);
    if (!st) {
        m_err << "cpis: could not read the audit log: " << st.error().message << '\n';
        return LocalFailure;
    }
    m_out << "audit hub: " << st->hub << '\n'
          << "audit log: " << st->localSeq << " entries\n"
          << "at the hub: up to entry " << st->forwardedSeq << '\n'
          << "waiting to be sent: " << st->backlog() << '\n'
          << "last successful send: "
          << (st->lastSentUtc.isValid() ? display::dateTime(st->lastSentUtc)
                                        : QStringLiteral("never"))
          << '\n';
    if (const HubForwarder* f = m_services.hubForwarder(); f && !f->state().lastError.isEmpty())
        m_out << "hub problem: " << f->state().lastError << '\n';
    return Ok;
}

int CliCommands::auditHubPassword(QTextStream& in)
{
    const ServiceProfile& p = m_services.config().profile;
    if (p.auditHub.isEmpty()) {
        m_err << "cpis: profile '" << p.name << "' names no audit-hub\n";
        return BadInput;
    }
    const QString password = in.readLine();
    if (password.isEmpty()) {
        m_err << "cpis: no password on standard input\n";
        return BadInput;
    }
    if (auto s = m_services.keys().write(HubAddress::passwordEntry(p.name), password.toUtf8());
        !s) {
        m_err << "cpis: could not keep the password: " << s.error().message << '\n';
        return LocalFailure;
    }
    m_out << "the audit hub password for profile '" << p.name << "' is in the keychain; it is "
          << "used from the next start\n";
    return Ok;
}

int CliCommands::meshSecrets(QTextStream& in)
{
    const ServiceProfile& p = m_services.config().profile;
    if (p.isTraining()) {
        m_err << "cpis: training's mailbox uses the sandbox's published training secrets\n";
        return BadInput;
    }
    QByteArray password = in.readLine().toUtf8();
    QByteArray sharedKey = in.readLine().toUtf8();
    if (password.isEmpty() || sharedKey.isEmpty()) {
        m_err << "cpis: give the mailbox password and the shared key on standard input, one "
                 "line each\n";
        return BadInput;
    }
    auto s = m_services.keys().write(MeshSecrets::passwordEntry(p.name), password);
    if (s)
        s = m_services.keys().write(MeshSecrets::sharedKeyEntry(p.name), sharedKey);
    wipe(password);
    wipe(sharedKey);
    if (!s) {
        m_err << "cpis: could not keep the MESH secrets: " << s.error().message << '\n';
        return LocalFailure;
    }
    m_out << "the MESH mailbox password and shared key for profile '" << p.name
          << "' are in the keychain; they are used from the next start\n";
    return Ok;
}

void CliCommands::auditExport(const QString& format,
                              const QString& outputPath,
                              bool replace,
                              Done done)
{
    if (format != u"ndjson" && format != u"csv") {
        m_err << "cpis: unknown export format '" << format << "' (ndjson or csv)\n";
        m_err.flush();
        done(BadInput);
        return;
    }
    withSession(done, [this, format, outputPath, replace, done](const UserSession& who) {
        if (!m_services.config().profile.screens.allows(who, DeskFunction::AuditExport)) {
            m_err << "cpis: not permitted: the role '" << who.roleName
                  << "' may not export the audit log: the administrator's screen rules do "
                     "not give it audit-export (docs/cli.md, who sees which screen)\n";
            m_err.flush();
            done(NotSignedIn);
            return;
        }
        done(writeAuditExport(format, outputPath, replace, who));
    });
}

int CliCommands::writeAuditExport(const QString& format,
                                  const QString& outputPath,
                                  bool replace,
                                  const UserSession& who)
{
    const bool toStdout = outputPath.isEmpty() || outputPath == u"-";
    std::unique_ptr<ExportFile> file;
    QFile stdoutFile;
    if (toStdout) {
        m_out.flush();
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            m_err << "cpis: cannot write to standard output\n";
            return LocalFailure;
        }
    } else {
        file = std::make_unique<ExportFile>(outputPath, replace ? ExportFile::Existing::Replace
                                                                : ExportFile::Existing::Refuse);
        if (auto opened = file->open(); !opened) {
            m_err << "cpis: cannot write " << opened.error().message;
            if (opened.error().code == ExportFile::Error::Code::Exists)
                m_err << " (--force replaces it)";
            m_err << "\nNothing was written.\n";
            return LocalFailure;
        }
    }
    QIODevice& out = file ? file->device() : static_cast<QIODevice&>(stdoutFile);
    AuditLog& log = m_services.store().audit();
    const auto written =
        format == u"csv" ? AuditExport::writeCsv(log, out) : AuditExport::writeFhirNdjson(log, out);
    if (!written) {
        m_err << "cpis: export failed: " << written.error().message << '\n';
        return LocalFailure;
    }
    if (file) {
        if (auto committed = file->commit(); !committed) {
            m_err << "cpis: cannot write " << committed.error().message
                  << "\nNothing was written.\n";
            return LocalFailure;
        }
    } else {
        stdoutFile.flush();
    }
    // The entry names the signed-in user the service vouched for, never an account name the
    // environment could set.
    AccessEvent ev;
    ev.action = AuditEntry::Action::Export;
    ev.outcome = AuditEntry::Outcome::Success;
    ev.outcomeDetail = QStringLiteral("audit-%1 %2 entries").arg(format).arg(written.value());
    const bool audited = m_services.audit(who, ev).ok();
    if (file)
        m_err << "cpis: exported " << written.value() << " entries to " << outputPath << '\n';
    if (!audited) {
        m_err << "cpis: WARNING: this export could not be recorded in the audit log\n";
        m_err.flush();
        return NotAudited;
    }
    m_err.flush();
    return Ok;
}

int CliCommands::cachePurge(bool all)
{
    auto removed =
        all ? m_services.store().cache().clear() : m_services.store().cache().purgeExpired();
    if (!removed) {
        m_err << "cpis: purge failed: " << removed.error().message << '\n';
        return LocalFailure;
    }
    m_out << "removed " << removed.value() << " cached answer(s)\n";
    return Ok;
}

int CliCommands::cacheStats()
{
    auto stats = m_services.store().cache().stats();
    if (!stats) {
        m_err << "cpis: cannot read the cache: " << stats.error().message << '\n';
        return LocalFailure;
    }
    const auto when = [](const QDateTime& t) {
        return t.isValid() ? display::dateTime(t) : QStringLiteral("-");
    };
    m_out << "cached answers: " << stats->entries << '\n'
          << "past retention (removed at the next purge): " << stats->expired << '\n'
          << "oldest: " << when(stats->oldestFetchedUtc) << '\n'
          << "newest: " << when(stats->newestFetchedUtc) << '\n'
          << "retention: " << m_services.store().cache().retentionSecs() / 3600 << " h\n";
    return Ok;
}

} // namespace cpis
