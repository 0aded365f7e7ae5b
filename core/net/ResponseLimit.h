#pragma once

#include "core/net/ServiceError.h"

#include <QtGlobal>

#include <functional>

class QNetworkReply;

namespace cpis {

// The most a national service's answer may hold (docs/api.md, "Response limits"). An answer
// past its limit is cut off as it arrives, never read to its end first: a service (or anything
// in between) sending without end must not take the desk's memory or its time.
struct ResponseLimit
{
    // A PDS, CP-IS, identity, notices or review answer in JSON: the largest real one (a
    // searchset Bundle of 50 Patients, or a plan list) is a few hundred kilobytes.
    static constexpr qint64 kJsonBytes = 2 * 1024 * 1024;
    // A CP-IS V3 (SOAP/HL7v3) answer in XML.
    static constexpr qint64 kXmlBytes = 2 * 1024 * 1024;
    // One line (one resource) of a bulk NDJSON file; the file itself is streamed line by line
    // and may be larger than any one answer.
    static constexpr qint64 kNdjsonLineBytes = 1024 * 1024;

    // Aborts `reply` once its body is known to exceed `maxBytes`: at once when its
    // Content-Length says so, else when the bytes received pass it. `exceeded` runs first (to
    // note why before the abort's finished() arrives), at most once. The watch ends with the
    // reply. maxBytes <= 0 means no limit.
    static void watch(QNetworkReply* reply, qint64 maxBytes, std::function<void()> exceeded);

    // "Could not check": the answer was too large to be one the service would give.
    static ServiceError tooLarge(qint64 maxBytes, int httpStatus);
};

} // namespace cpis
