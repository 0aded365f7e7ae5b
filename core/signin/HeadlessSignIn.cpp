#include "core/signin/HeadlessSignIn.h"

#include "core/net/FhirTransport.h"
#include "core/net/ResponseLimit.h"
#include "core/signin/SignInFlow.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace cpis {

void HeadlessSignIn::start(FhirTransport* transport,
                           const Clock* clock,
                           const SignInSettings& settings,
                           const SignInCredentials& credentials,
                           const QString& userId,
                           QObject* context,
                           Done done,
                           int timeoutMs)
{
    // The flow lives until it reports once; `finish` makes sure only one report goes out.
    auto* flow = new SignInFlow(transport, clock, settings, credentials, nullptr, context);
    auto reported = std::make_shared<bool>(false);
    QPointer<SignInFlow> guard(flow);
    auto finish = [guard, reported, done](const Result<UserSession, QString>& r) {
        if (*reported)
            return;
        *reported = true;
        if (guard) {
            guard->cancel();
            guard->deleteLater();
        }
        done(r);
    };

    QObject::connect(flow, &SignInFlow::authorizationUrlReady, flow,
                     [transport, userId, flow, finish](const QUrl& url) {
                         QUrl pick = url;
                         QUrlQuery q(pick);
                         q.addQueryItem(QStringLiteral("user"), userId);
                         pick.setQuery(q);
                         QNetworkRequest req(pick);
                         // The identity provider redirects to our loopback listener.
                         req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                          QNetworkRequest::NoLessSafeRedirectPolicy);
                         // Not an API call, but the same server: the same TLS policy.
                         transport->tls().apply(req);
                         QNetworkReply* reply = transport->network()->get(req);
                         transport->tls().watch(reply);
                         ResponseLimit::watch(reply, ResponseLimit::kJsonBytes, {});
                         QObject::connect(reply, &QNetworkReply::finished, flow, [reply, finish] {
                             reply->deleteLater();
                             const int status =
                                 reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                             if (reply->error() != QNetworkReply::NoError || status >= 400)
                                 finish(QStringLiteral("the identity provider refused the "
                                                       "sign-in (%1)")
                                            .arg(reply->errorString()));
                         });
                     });
    QObject::connect(flow, &SignInFlow::signedIn, flow,
                     [finish](const UserSession& s) { finish(s); });
    QObject::connect(flow, &SignInFlow::failed, flow,
                     [finish](const QString& message) { finish(message); });
    QTimer::singleShot(timeoutMs, flow, [finish] {
        finish(QStringLiteral("the identity provider did not answer in time"));
    });
    flow->start();
}

} // namespace cpis
