#pragma once

#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cpis {

// What a look-up needs from the encrypted offline cache: the last answer per NHS number.
// An interface so that the look-up path does not depend on how the store is built, and so
// that tests can watch exactly what is kept.
class AnswerCache
{
public:
    struct Entry
    {
        QByteArray payload;   // LookupResult::toCachePayload()
        QDateTime fetchedUtc; // when the national service gave the answer
    };
    struct Error
    {
        QString message;
    };

    virtual ~AnswerCache() = default;

    // Nothing (not an error) when no answer younger than the retention is held.
    virtual Result<std::optional<Entry>, Error> load(const NhsNumber& nhs) = 0;
    virtual Status<Error> save(const NhsNumber& nhs, const Entry& entry) = 0;
};

} // namespace cpis
