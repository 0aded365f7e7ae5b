#include "core/lookup/SpineCpisAdapter.h"

#include "core/domain/Clock.h"
#include "core/lookup/LookupLogging.h"
#include "core/spine/SpineNames.h"
#include "core/spine/SpineQueryWriter.h"
#include "core/spine/SpineResponseReader.h"

#include <QTimer>
#include <QUuid>

namespace cpis {

SpineCpisAdapter::SpineCpisAdapter(SpineTransport* transport, const Clock* clock, Settings settings)
    : m_transport(transport), m_clock(clock), m_settings(std::move(settings))
{}

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}
} // namespace

void SpineCpisAdapter::ask(
    const NhsNumber& nhs, bool unscheduled, const Call& call, QObject* receiver, Done done)
{
    static const UserSession nobody;
    const UserSession& session = call.session ? *call.session : nobody;
    SpineQuery q;
    q.nhsNumber = nhs.digits();
    q.unscheduled = unscheduled;
    q.messageId = newUuid();
    q.queryId = newUuid();
    q.createdUtc = m_clock->nowUtc();
    q.to = m_settings.endpoint;
    q.deskAsid = m_settings.deskAsid;
    q.deskPartyKey = m_settings.deskPartyKey;
    q.cpisAsid = m_settings.cpisAsid;
    q.author = session.userId.isEmpty() ? SpineAuthor::system(session, m_settings.deskAsid)
                                        : SpineAuthor::person(session);
    const QByteArray requestId = q.messageId.toLatin1();

    auto envelope = SpineQueryWriter::write(q);
    if (!envelope) {
        // Nothing is sent: a query that cannot say who asks must not reach CP-IS.
        ServiceError e{ServiceError::Kind::InvalidRequest, 0, {}, envelope.error(), -1};
        QTimer::singleShot(0, receiver,
                           [done = std::move(done), e, requestId] { done(e, requestId); });
        return;
    }
    qCDebug(lcLookup, "look-up %s: CP-IS asked over Spine as message %s",
            call.correlationId.constData(), requestId.constData());
    const SpineResponseReader::Expected expected{q.messageId, q.nhsNumber};
    m_transport->post(m_settings.endpoint,
                      QByteArray(spine::kQueryAction.data(), spine::kQueryAction.size()),
                      envelope.value(), receiver,
                      [done = std::move(done), expected,
                       requestId](const Result<SpineTransport::Response, ServiceError>& r) {
                          if (!r) {
                              done(r.error(), requestId);
                              return;
                          }
                          const auto read = SpineResponseReader::read(r->body, expected, r->status);
                          if (!read) {
                              ServiceError e = read.error();
                              e.attempts = r->attempts;
                              done(e, requestId);
                              return;
                          }
                          CpisAnswer answer;
                          answer.noRecord = read->noRecord;
                          answer.plans = read->plans;
                          answer.undisplayable = read->undisplayable;
                          answer.accessHistory = read->accessHistory;
                          done(answer, requestId);
                      });
}

} // namespace cpis
