#pragma once

#include "core/lookup/AnswerCache.h"

#include <QString>

namespace cpis {

class Cache;

// The look-up path's view of the encrypted cache: answers tagged with the environment
// they came from, so that a training answer is never offered as a live one.
class StoreAnswerCache final : public AnswerCache
{
public:
    StoreAnswerCache(Cache& cache, QString environment)
        : m_cache(cache), m_environment(std::move(environment))
    {}

    Result<std::optional<Entry>, Error> load(const NhsNumber& nhs) override;
    Status<Error> save(const NhsNumber& nhs, const Entry& entry) override;

private:
    Cache& m_cache;
    QString m_environment;
};

} // namespace cpis
