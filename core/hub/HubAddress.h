#pragma once

#include "core/hub/HubConnection.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace cpis {

struct ServiceProfile;

// How a desk reaches its trust's audit hub: the profile's `audit-hub` address
// (postgresql://ROLE@host:port/database), always over TLS that checks the hub's certificate
// and name against the profile's CA bundle (sslmode=verify-full), as the desk's own database
// role, signed in with its SCRAM password from the keychain or with the profile's client
// certificate.
struct HubAddress
{
    QUrl url;
    QString caBundle;          // the profile's CA bundle; empty: the system's
    QString clientCertificate; // the profile's, if any
    QString clientKey;
    QByteArray password; // the desk role's password (keychain entry passwordEntry())
    int connectTimeoutSecs = 5;

    // The keychain entry that holds the desk role's hub password for one profile.
    static QString passwordEntry(const QString& profileName);
    static const QString kSystemCaBundle;

    static HubAddress fromProfile(const ServiceProfile& profile, const QByteArray& password);
    // Why it cannot be used, or nullopt.
    std::optional<QString> problem() const;
    // The address without the role or a password, for status lines.
    QString display() const;
    HubConnection::Keywords keywords() const;
};

} // namespace cpis
