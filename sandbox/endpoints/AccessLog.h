#pragma once

#include "core/domain/PlanType.h"
#include "sandbox/world/TestUser.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// One recorded look-up of a CP-IS record (what AuditEvent history shows). A look-up by a
// system rather than a person (HL7 V3's device author) names the system; `viewer` is then the
// person responsible for it, whose organisation maintains it.
struct AccessEvent
{
    QString id;
    QString nhsNumber;
    QDateTime when;
    TestUser viewer;
    bool unscheduled = false; // notified the local authority
    QString systemId{};       // empty: a person looked
    QString systemName{};

    bool bySystem() const { return !systemId.isEmpty(); }
};

// What the CP-IS calls (CareTeam search and access history) said about themselves: how many
// declared an unscheduled access (IsUnscheduledAccessEvent true, or absent), how many a silent
// read (false), and how many were counted as a notifying access (unscheduled, by a B0107 user).
struct CallCounts
{
    int declaredUnscheduled = 0;
    int declaredSilent = 0;
    int notifyingAccesses = 0;
    // CP-IS queries over either interface (CareTeam, AuditEvent, QUPC), counted once per
    // message id however often it came, and the repeats that were taken for one already had.
    int queries = 0;
    int repeats = 0;
    // The queries for a child's plans (FHIR CareTeam search, V3 QUPC), new ones only: one per
    // look-up the user confirmed. `queries` also counts access-history reads.
    int planQueries = 0;
    // PDS reads of one patient by NHS number (a desk's trace, before any CP-IS query): not a
    // CP-IS access, counted so that an observer can tell a trace from a look-up.
    int pdsReads = 0;
};

// What a CP-IS query's message id (FHIR X-Request-ID, V3 wsa:MessageID) says about it.
enum class QuerySight
{
    First,    // a new query: recorded, and it notifies as its kind says
    Repeat,   // the same query again (a retry, a resend): answered, never recorded twice
    Conflict, // the id of another query: refused
};

// An access notification queued for a local authority's MESH mailbox (MeshMailbox serves it
// as a V3 Access to Service Notification).
struct AccessNotification
{
    QString id;
    QString laOdsCode;
    QString nhsNumber;
    PlanType planType = PlanType::ChildProtection;
    QDateTime when;
    QString viewerName;
    QString viewerRole;
    QString organisationCode;
    QString organisationName;
    TestUser viewer{}; // who looked, as the V3 author names them (empty: a person by name only)
    QString queryId{}; // the message id of the query that raised it
};

// In-memory record of accesses and the notifications they raised, per NHS number and per
// local-authority mailbox.
class AccessLog
{
public:
    void record(const AccessEvent& event);
    // One CP-IS call answered: counted by what its header declared and whether it notified.
    void countCall(bool declaredUnscheduled, bool notifies);
    const CallCounts& calls() const { return m_calls; }
    void countPdsRead() { ++m_calls.pdsReads; }
    void countPlanQuery() { ++m_calls.planQueries; }
    // Duplicate elimination: the first sight of `messageId` is a new query; the same id with
    // the same `what` (the endpoint, the number, who asks and how) is that query again. The
    // last kRememberedQueries ids are remembered.
    QuerySight sight(const QByteArray& messageId, const QString& what);
    void notify(const AccessNotification& notification);
    // The notices one query raised, in every mailbox (acknowledged ones are gone).
    int noticesRaisedBy(const QString& queryId) const;

    // Newest first, at most `limit`, one row per viewer (person or system) per 24 hours (the
    // newest).
    QList<AccessEvent> history(const QString& nhsNumber, int limit) const;

    QList<AccessNotification> notificationsFor(const QString& laOdsCode) const
    {
        return m_mailboxes.value(laOdsCode);
    }
    // The same without a copy; valid until the log changes.
    const QList<AccessNotification>& notifications(const QString& laOdsCode) const
    {
        static const QList<AccessNotification> none;
        const auto it = m_mailboxes.constFind(laOdsCode);
        return it == m_mailboxes.cend() ? none : *it;
    }
    QList<QString> mailboxes() const { return m_mailboxes.keys(); }
    // MESH acknowledgement: the message leaves the mailbox. False if it was not there.
    bool acknowledge(const QString& laOdsCode, const QString& notificationId);
    int notificationCount() const;
    QString nextId(const QString& prefix);

    static constexpr int kRememberedQueries = 50000;

private:
    QHash<QString, QList<AccessEvent>> m_events;
    QHash<QString, QList<AccessNotification>> m_mailboxes;
    quint64 m_sequence = 0;
    CallCounts m_calls;
    QHash<QByteArray, QString> m_seen; // message id -> what the query was
    QList<QByteArray> m_seenOrder;     // oldest first, to forget beyond kRememberedQueries
};

} // namespace cpis::sandbox
