#pragma once

#include "core/domain/PlanType.h"
#include "sandbox/world/TestUser.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// One recorded look-up of a CP-IS record (what AuditEvent history shows).
struct AccessEvent
{
    QString id;
    QString nhsNumber;
    QDateTime when;
    TestUser viewer;
    bool unscheduled = false;
};

// An access notification queued for a local authority's mailbox (MESH-style; the notices
// issue reads them through notificationsFor()).
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
};

// In-memory record of accesses and the notifications they raised, per NHS number and per
// local-authority mailbox.
class AccessLog
{
public:
    void record(const AccessEvent& event);
    void notify(const AccessNotification& notification);

    // Newest first, at most `limit`, one row per viewer per 24 hours (the newest).
    QList<AccessEvent> history(const QString& nhsNumber, int limit) const;

    QList<AccessNotification> notificationsFor(const QString& laOdsCode) const
    {
        return m_mailboxes.value(laOdsCode);
    }
    QList<QString> mailboxes() const { return m_mailboxes.keys(); }
    // MESH-style acknowledgement: the message leaves the mailbox. False if it was not there.
    bool acknowledge(const QString& laOdsCode, const QString& notificationId);
    int notificationCount() const;
    QString nextId(const QString& prefix);

private:
    QHash<QString, QList<AccessEvent>> m_events;
    QHash<QString, QList<AccessNotification>> m_mailboxes;
    quint64 m_sequence = 0;
};

} // namespace cpis::sandbox
