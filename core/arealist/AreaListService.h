#pragma once

#include "core/arealist/AreaList.h"
#include "core/arealist/AreaListClient.h"
#include "core/audit/AccessAuditor.h"
#include "core/domain/UserSession.h"
#include "core/net/ServiceError.h"

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QIODevice;

namespace cpis {

class AreaListStore;
class Clock;

// Area lists for school nurses and health visitors: sync an area from the national service
// into the encrypted store (full the first time, then incremental with _since = the stored
// as-of), cancel, read it back, export it as CSV. Every sync and export is audited. A sync that
// fails for any reason (network, a bad line, a count that does not add up, the store, the
// audit) leaves the previous complete list exactly as it was. An incremental sync applies the
// manifest's deleted[] (a plan deleted in error leaves the list). When the manifest's error[]
// reports problems the list is kept as a partial one, with the service's diagnostics, and the
// next sync of the area is a full one, so what could not be sent this time is not skipped by a
// later _since.
class AreaListService : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Auto, // incremental when there is a complete earlier sync, else full
        Full,
    };

    struct Outcome
    {
        bool ok = false;
        bool cancelled = false;
        bool full = false;
        qint64 patients = 0; // resources received
        qint64 careTeams = 0;
        qint64 deleted = 0; // Patient and CareTeam deletions the export listed
        // ok but partial: the problems the service reported in its error files, and the first
        // few of their diagnostics (which may name a person: shown, never logged).
        qint64 problems = 0;
        QStringList problemNotes;
        QString error; // for people: why the list could not be brought up to date
    };

    static constexpr int kMaxProblemNotes = 20;

    AreaListService(AreaListClient* client,
                    AreaListStore* store,
                    AccessAuditor* auditor,
                    const Clock* clock,
                    QObject* parent = nullptr);
    ~AreaListService() override;

    // Why this desk cannot fetch area lists at all (its profile names no CP-IS FHIR service),
    // in the user's language; nullopt when it can.
    std::optional<QString> unavailableReason() const;

    void listAreas(const UserSession& session,
                   std::function<void(const Result<QList<AreaInfo>, ServiceError>&)> done);

    // One sync at a time; false when one is running.
    bool sync(const UserSession& session, const AreaInfo& area, Mode mode = Mode::Auto);
    void cancel();
    bool busy() const { return m_running; }
    // On lock and sign-out: a running sync is cancelled (while the token can still delete its
    // job), then the session and its tokens are dropped.
    void forgetSession();
    // The locale the progress texts write their numbers in ("60,000"): the screen's.
    void setLocale(const QLocale& locale) { m_locale = locale; }

    AreaSyncState state(const QString& areaId) const;
    // The stored list (one row per plan); empty when nothing was ever synced.
    std::vector<AreaListRow> rows(const QString& areaId) const;
    // The same one row at a time, as views valid during the call (a screen builds its own
    // compact copy).
    void forEachRow(const QString& areaId,
                    const std::function<void(const AreaListRowView&)>& row) const;

    // Writes `rows` as CSV and audits it (Action::Export). The first line, a # comment, names the
    // area and when its list is as of; then the header row and the rows. Returns the number of
    // rows written.
    Result<qint64, QString> exportCsv(const UserSession& session,
                                      const QString& areaId,
                                      const std::vector<AreaListRow>& rows,
                                      QIODevice& out);

signals:
    // One line per phase (asking, preparing, receiving people, receiving plans, deletions,
    // problems, saving). `done` and `total` count resources; total is 0 while the export is
    // being prepared or when the service did not give counts. Completion is told by finished,
    // never here: a progress line never says the list is up to date.
    void progress(const QString& text, qint64 done, qint64 total);
    void finished(const cpis::AreaListService::Outcome& outcome);

private:
    struct Step
    {
        enum class Kind
        {
            Patients,
            CareTeams,
            Deleted,
            Problems,
        };
        Kind kind;
        AreaListClient::File file;
    };

    void onManifest(const AreaListClient::Manifest& m);
    bool readLine(Step::Kind kind, QByteArrayView line, QString* why);
    void nextFile();
    void fail(const QString& why);
    // Fail or cancel: the open sync rolled back, the attempt recorded and audited.
    void stopUnfinished(const QString& why, bool cancelled);
    void complete();
    static QString describe(const ServiceError& e);
    QString preparingText(const QString& serviceProgress) const;
    QString receivingText(Step::Kind kind) const;
    QString number(qint64 n) const { return m_locale.toString(n); }

    AreaListClient* m_client;
    AreaListStore* m_store;
    AccessAuditor* m_auditor;
    const Clock* m_clock;
    QLocale m_locale;

    bool m_running = false;
    UserSession m_session;
    AreaInfo m_area;
    Outcome m_outcome;
    AreaListClient::Manifest m_manifest;
    QList<Step> m_steps;
    int m_step = 0;
    qint64 m_total = 0;
    qint64 m_done = 0;
    // Per phase, from the manifest's counts; nullopt when the service did not count a file.
    std::optional<qint64> m_patientsTotal;
    std::optional<qint64> m_plansTotal;
};

} // namespace cpis

Q_DECLARE_METATYPE(cpis::AreaListService::Outcome)
