#pragma once

#include "core/domain/Clock.h"
#include "sandbox/world/SandboxPerson.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;

namespace cpis::sandbox {

class LocalAuthorityDirectory;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;
struct TestUser;

// Area lists for school nurses and health visitors, FHIR Bulk Data style (docs/api.md §11):
// the Groups a CPIS-AREA-LISTS role may export, the asynchronous $export kick-off, its status
// URL (202 with X-Progress, then the manifest; DELETE cancels) and the NDJSON files, which are
// rendered while they are sent (chunked), never held whole.
class BulkExport : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int areaSize = 0; // > 0: one more school for the school nurse with this many children
        int maxFileResources = 10000; // resources per NDJSON file
        int retryAfterSecs = 1;       // Retry-After on a 202 status answer
        int preparePerTurn = 20000;   // members looked at per event-loop turn while preparing
        int prepareIntervalMs = 0;    // pause between turns (tests: observe 202 and X-Progress)
    };

    // The request as SandboxServer has read it.
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QString origin;
        bool close = false;
        QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
    };

    struct GroupInfo
    {
        QString id;
        QString name;
        QString userId; // the sandbox user who may export it
        int size = 0;   // people in the area (before the plan filter)
    };

    BulkExport(SyntheticPopulation& population,
               const ScenarioCatalogue& scenarios,
               const LocalAuthorityDirectory& authorities,
               SignInService& signIn,
               const Clock& clock,
               Options options,
               quint64 seed,
               QObject* parent = nullptr);
    ~BulkExport() override;

    // Answers requests for its own paths and returns true; false leaves them to the caller.
    bool dispatch(const Request& in, QTcpSocket* socket);

    QList<GroupInfo> groups() const;
    Options& options() { return m_options; } // tests: slow down or speed up preparation

    // Test and demo hook: change one member of a (non-synthetic) area as if CP-IS had recorded
    // the change now. The resources that changed (the Patient, one or more CareTeams) get
    // meta.lastUpdated = the clock's now. False when the area or person is unknown.
    bool amendMember(const QString& groupId,
                     const QString& nhsNumber,
                     const std::function<void(SandboxPerson&)>& change);
    // Adds a person to an area; both their Patient and CareTeams are new now.
    bool addMember(const QString& groupId, const SandboxPerson& person);

    // What the NDJSON files carried since the sandbox started (acceptance: an incremental
    // export sends only what changed).
    qint64 patientsSent() const { return m_patientsSent; }
    qint64 careTeamsSent() const { return m_careTeamsSent; }

    // Plans that ended longer ago than this drop out of a list (a UCPP after 28 days).
    static constexpr int kEndedWindowDays = 365;
    static constexpr int kEndedWindowDaysUcpp = 28;

    // Deterministic one-line renderings (also used by the contract test).
    QByteArray patientLine(const SandboxPerson& p, const QDateTime& lastUpdated) const;
    QByteArray careTeamLine(const SandboxPerson& p,
                            int planIndex,
                            const QDate& today,
                            const QDateTime& lastUpdated) const;

private:
    struct Member
    {
        SandboxPerson person;
        QDateTime patientUpdated;     // invalid: derived from the plans
        QList<QDateTime> planUpdated; // per plan; invalid: derived from its dates
    };
    struct Area
    {
        GroupInfo info;
        int schoolId = 0;
        int visitingAreaId = 0;
        int laIndex = 0;
        bool synthetic = false; // members generated on demand from their index
        bool loaded = false;
        QList<Member> members;
    };
    struct Job;
    class FileStream;

    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    Answer groupBundle(const Request& in, const TestUser& user);
    Answer kickOff(const Request& in, const TestUser& user, const QString& groupId);
    Answer status(const Request& in, const TestUser& user, const QString& jobId);
    Answer cancel(const Request& in, const TestUser& user, const QString& jobId);
    bool streamFile(const Request& in,
                    const TestUser& user,
                    const QString& jobId,
                    const QString& file,
                    QTcpSocket* socket);
    Answer error(int status, const QString& spineCode, const QString& why) const;
    static void write(QTcpSocket* socket, const Answer& a, bool close);

    void prepareSome(const std::shared_ptr<Job>& job);
    Area* area(const QString& id);
    void load(Area& a);
    int memberCount(const Area& a) const;
    Member memberAt(const Area& a, int index) const;
    Member syntheticMember(const Area& a, int index) const;
    std::vector<SandboxPerson> residents(int schoolId, int visitingAreaId, int la, int count);

    static bool visible(const SandboxPlan& plan, const QDate& today);
    static QDateTime planUpdated(const Member& m, int planIndex, const QDate& today);
    static QDateTime patientUpdated(const Member& m, const QDate& today);
    const QByteArray& authorityFragment(int laIndex) const;

    SyntheticPopulation& m_population;
    const LocalAuthorityDirectory& m_authorities;
    SignInService& m_signIn;
    const Clock& m_clock;
    Options m_options;
    quint64 m_seed;
    QDate m_anchor; // generated members' dates are relative to the day the sandbox started
    QList<Area> m_areas;
    QStringList m_scenarioNumbers;
    QStringList m_residentNumbers;
    std::vector<quint32> m_syntheticBases;
    QHash<QString, std::shared_ptr<Job>> m_jobs;
    QList<QString> m_jobOrder;
    int m_nextJob = 1;
    mutable QHash<int, QByteArray> m_authorityJson;
    qint64 m_patientsSent = 0;
    qint64 m_careTeamsSent = 0;
};

} // namespace cpis::sandbox
