#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace cpis {

// How the desk authenticates itself to NHS CIS2 at the token endpoint.
enum class ClientAuthMethod
{
    PrivateKeyJwt,    // a client assertion signed with the desk's registered key
    ClientSecretPost, // a shared secret in the form
};

// Sign-in as the administrator registered the desk with NHS CIS2 and with the API platform
// ("CIS2 separate authentication and authorisation", ../shared/cis2.md §8). The issuer is a
// string compared exactly: CIS2's carries an explicit ":443" that URL normalisation would drop.
struct SignInSettings
{
    QString issuer; // discovery is at issuer + "/.well-known/openid-configuration"
    QString clientId = QStringLiteral("cpis-desk");
    ClientAuthMethod clientAuth = ClientAuthMethod::PrivateKeyJwt;
    QString clientKeyFile; // PEM private key (mode 0600) for private_key_jwt
    QString clientKeyId;   // its kid as registered; empty: the key's RFC 7638 thumbprint
    QString clientSigningAlg = QStringLiteral("RS256"); // as registered: RS256 or RS512
    QString clientSecretFile; // for client_secret_post: a file (mode 0600) holding the secret
    // The registered loopback redirect is http://127.0.0.1:<port>/callback. 0 takes any free
    // port, which only a sandbox accepts (training and tests).
    quint16 redirectPort = 47251;
    QString acrValues = QStringLiteral("AAL2_OR_AAL3_ANY");
    QStringList extraScopes;
    bool embeddedBrowser = false; // RFC 8252: the system browser unless the administrator says so
    // The API platform's token exchange; the token it gives is what PDS and CP-IS get.
    QUrl platformTokenUrl;
    QString platformApiKey;  // the platform application's API key: iss and sub of its assertion
    QString platformKeyFile; // PEM private key registered with the platform (RS512)
    QString platformKeyId;   // its kid in the platform's JWKS
    // Where the platform revokes its refresh token at sign-out (RFC 7009), when the
    // administrator names one: NHS England publishes none, so there is no default.
    QUrl platformRevocationUrl;
    // The command line keeps a session between runs only when the administrator allows it,
    // and then no longer than the platform token lives.
    bool cliKeepsSession = false;

    static QStringList baseScopes()
    {
        return {QStringLiteral("openid"), QStringLiteral("profile"),
                QStringLiteral("nationalrbacaccess"), QStringLiteral("associatedorgs"),
                QStringLiteral("selectedrole")};
    }
    QString scope() const
    {
        QStringList s = baseScopes();
        for (const QString& x : extraScopes)
            if (!s.contains(x))
                s << x;
        return s.join(u' ');
    }
};

} // namespace cpis
