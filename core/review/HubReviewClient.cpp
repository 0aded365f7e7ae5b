#include "core/review/HubReviewClient.h"

#include "core/domain/PlanType.h"
#include "core/hub/HubConnection.h"
#include "core/review/ReviewLogging.h"

#include <QPointer>
#include <QThread>

namespace cpis {

namespace {

const QByteArray kQueue = QByteArrayLiteral(
    "SELECT desk, seq, at_ms, nhs_number, user_name, role, plan_types, status, note, reviewer, "
    "extract(epoch FROM reviewed_at) * 1000 FROM hub.review_queue($1::timestamptz, $2, $3)");
const QByteArray kSet = QByteArrayLiteral(
    "SELECT extract(epoch FROM hub.review_set($1::name, $2::bigint, $3, $4, $5)) * 1000");

QString text(const HubRow& row, int column)
{
    return row.value(column) ? QString::fromUtf8(*row.value(column)) : QString();
}

QDateTime msTime(const HubRow& row, int column)
{
    if (!row.value(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(row.value(column)->toDouble()), Qt::UTC);
}

std::optional<PlanType> planTypeFromShortName(const QString& name)
{
    for (PlanType t :
         {PlanType::ChildProtection, PlanType::LookedAfter, PlanType::UnbornChildProtection}) {
        if (planTypeShortName(t) == name)
            return t;
    }
    return std::nullopt;
}

} // namespace

// Lives on the client's thread; holds the one connection, reopened after a failure.
class HubReviewClient::Worker : public QObject
{
public:
    explicit Worker(HubAddress address) : m_address(std::move(address)) {}

    Result<HubRows, QString> exec(const QByteArray& sql,
                                  const QList<std::optional<QByteArray>>& params)
    {
        if (!m_conn || !m_conn->isOpen()) {
            m_conn.reset();
            auto c = HubConnection::open(m_address.keywords());
            if (!c)
                return c.error();
            m_conn = std::move(c.value());
        }
        auto r = m_conn->exec(sql, params);
        if (!r && !m_conn->isOpen())
            m_conn.reset();
        return r;
    }

private:
    HubAddress m_address;
    std::unique_ptr<HubConnection> m_conn;
};

HubReviewClient::HubReviewClient(HubAddress address, QObject* parent)
    : QObject(parent), m_thread(new QThread), m_worker(new Worker(std::move(address)))
{
    m_thread->setObjectName(QStringLiteral("cpis-hub-review"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HubReviewClient::~HubReviewClient()
{
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread has stopped: nothing of it runs any more
    delete m_thread;
}

QString HubReviewClient::itemId(const QString& desk, qint64 seq)
{
    return desk + u':' + QString::number(seq);
}

void HubReviewClient::fetch(const Query& query, QObject* receiver, ItemsDone done)
{
    QPointer<QObject> guard(receiver);
    QList<std::optional<QByteArray>> params;
    params << query.since.toUTC().toString(Qt::ISODateWithMs).toUtf8();
    params << (query.status ? std::optional(reviewStatusName(*query.status).toUtf8())
                            : std::nullopt);
    params << (query.planType.isEmpty() ? std::nullopt : std::optional(query.planType.toUtf8()));
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, params, guard, done, self = QPointer(this)] {
        auto rows = worker->exec(kQueue, params);
        Result<QList<ReviewItem>, QString> out = QString();
        if (rows) {
            QList<ReviewItem> items;
            bool whole = true;
            for (const HubRow& row : std::as_const(rows.value())) {
                ReviewItem it;
                it.id = itemId(text(row, 0), text(row, 1).toLongLong());
                it.when = msTime(row, 2);
                it.nhsNumber = text(row, 3);
                it.viewerName = text(row, 4);
                it.viewerRole = text(row, 5);
                for (const QString& t : text(row, 6).split(u',', Qt::SkipEmptyParts)) {
                    if (auto type = planTypeFromShortName(t))
                        it.plans << ReviewPlan{*type, {}, {}};
                }
                // An unknown status is never shown as one the lead did not choose.
                const auto status = reviewStatusFromName(text(row, 7));
                if (!status) {
                    out = QStringLiteral("the hub gave an unknown review status");
                    whole = false;
                    break;
                }
                it.status = *status;
                it.note = text(row, 8);
                it.changedBy = text(row, 9);
                it.changedAt = msTime(row, 10);
                items << it;
            }
            if (whole)
                out = items;
        } else {
            out = rows.error();
        }
        QMetaObject::invokeMethod(self.data(), [guard, done, out] {
            if (guard)
                done(out);
        });
    });
}

void HubReviewClient::setStatus(const QString& id,
                                ReviewStatus status,
                                const QString& note,
                                const QString& reviewer,
                                QObject* receiver,
                                SetDone done)
{
    QPointer<QObject> guard(receiver);
    const qsizetype colon = id.lastIndexOf(u':');
    QList<std::optional<QByteArray>> params;
    params << id.left(colon).toUtf8() << id.mid(colon + 1).toUtf8()
           << reviewStatusName(status).toUtf8() << note.toUtf8() << reviewer.toUtf8();
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, params, guard, done, self = QPointer(this)] {
        auto rows = worker->exec(kSet, params);
        Result<QDateTime, QString> out = QString();
        if (!rows)
            out = rows.error();
        else if (rows->size() == 1 && rows->first().value(0))
            out = msTime(rows->first(), 0);
        else
            out = QStringLiteral("the hub did not confirm the review");
        QMetaObject::invokeMethod(self.data(), [guard, done, out] {
            if (guard)
                done(out);
        });
    });
}

} // namespace cpis
