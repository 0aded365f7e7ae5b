#pragma once

#include "core/audit/AccessAuditor.h"
#include "core/domain/UserSession.h"
#include "core/mesh/MeshMessage.h"
#include "core/notices/AttendanceNotice.h"
#include "core/store/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace cpis {

class Clock;
class MeshClient;
class MeshDownload;
class NoticeStore;

// A social worker's attendance notices for one sign-in: checks the local authority's MESH
// mailbox (the handshake at the first check and then daily, the inbox to its end, each new
// message downloaded into the encrypted store and read there), and acknowledges (audited
// first). A MESH error report is kept as a delivery error, audited and acknowledged at once; a
// message that cannot be read is kept, shown as such, and never acknowledged by the desk. Made
// when the notices screen opens and destroyed with it at lock or sign-out, so no session
// outlives them.
//
// A failed check is never "no notices": state() keeps the last successful check and the error,
// and the next check backs off (the interval doubles up to maxBackoffMs, and returns to
// pollIntervalMs after a success).
class NoticeService : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int pollIntervalMs = 5 * 60 * 1000; // MESH: poll at most every five minutes
        int maxBackoffMs = 15 * 60 * 1000;
    };
    struct State
    {
        QDateTime lastSuccessUtc; // null until a check has succeeded
        QDateTime lastAttemptUtc;
        QString error; // for people; empty when the last check succeeded
        bool checking = false;
        QDateTime lastHandshakeUtc; // null until the mailbox has been validated
    };

    NoticeService(MeshClient& client,
                  NoticeStore& store,
                  AccessAuditor& auditor,
                  const Clock& clock,
                  UserSession session,
                  Settings settings,
                  QObject* parent = nullptr);
    ~NoticeService() override;

    void start(); // checks now, then on the timer
    void stop();
    bool isRunning() const { return m_running; }
    void checkNow(); // a check already under way is not started twice

    const State& state() const { return m_state; }
    int nextIntervalMs() const { return m_intervalMs; }
    QString mailbox() const;
    const UserSession& session() const { return m_session; }

    // The mailbox's notices as stored, newest first.
    StoreResult<QList<AttendanceNotice>> notices();

    // Audits, tells the service, then marks the message's notices acknowledged here.
    // acknowledgeFinished() follows, once.
    void acknowledge(const QString& messageId);
    bool isAcknowledging(const QString& messageId) const
    {
        return m_acknowledging.contains(messageId);
    }
    // Opening a notice's detail is a view of the child's record: audited, once per notice per
    // sign-in. Returns the audit log's complaint, if any.
    QString recordView(const AttendanceNotice& notice);

    // Stops the message downloading now; the check ends with "cancelled".
    void cancelDownload();
    bool isDownloading() const { return m_download != nullptr; }

signals:
    void checked(); // state() changed: a check finished, well or not
    // A message is downloading: bytes so far, its chunk and how many chunks it has.
    void downloadProgress(const QString& messageId, qint64 bytes, int chunk, int chunks);
    void newNotices(int count); // notices stored by this check that were not held before
    void acknowledgeFinished(const QString& messageId, const QString& error); // empty: done

private:
    void listInbox();
    void fetchNext();
    void acknowledgeReport(const QString& messageId);
    void finishCheck(const QString& error);
    void schedule();
    QString auditAcknowledge(const QList<AttendanceNotice>& notices,
                             const QString& messageId,
                             AuditEntry::Outcome outcome);

    MeshClient& m_client;
    NoticeStore& m_store;
    AccessAuditor& m_auditor;
    const Clock& m_clock;
    UserSession m_session;
    Settings m_settings;
    State m_state;
    QTimer m_timer;
    bool m_running = false;
    int m_intervalMs = 0;
    QStringList m_queue; // message ids of this check still to fetch
    int m_added = 0;     // notices this check stored
    QSet<QString> m_acknowledging;
    QSet<QString> m_viewed; // messageId/eventId
    MeshDownload* m_download = nullptr;
    std::unique_ptr<MeshPayloadSink> m_sink;
};

} // namespace cpis
