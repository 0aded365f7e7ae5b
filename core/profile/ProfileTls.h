#pragma once

#include "core/domain/Result.h"
#include "core/net/TlsPolicy.h"
#include "core/profile/ServiceProfile.h"

#include <QString>

namespace cpis {

// The TLS material a profile names, read from its files: the CAs to trust and the client
// certificate and key for mutual TLS. A file that is named and cannot be read or holds
// nothing usable is an error, never a quiet fall-back to the system's CAs or to no client
// certificate. Only training may let a loopback sandbox's own certificate through.
Result<TlsPolicy, QString> tlsPolicyFor(const ServiceProfile& profile);

} // namespace cpis
