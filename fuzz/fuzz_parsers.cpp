// libFuzzer target: every input goes through all four readers of untrusted bytes, the
// three national-service response parsers and the cache payload codec. Besides "no
// crash, no sanitizer report", it checks what the parsers promise: an accepted answer is
// complete, so "no plan" or a shortened answer can only come from a body that said so.
#include "core/domain/NhsNumber.h"
#include "core/fhir/FhirParser.h"
#include "core/lookup/LookupResult.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using cpis::FhirParser;
using cpis::LookupResult;
using cpis::NhsNumber;
using cpis::PlanType;

namespace {

void require(bool holds, const char* what)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz_parsers: broken promise: %s\n", what);
    std::abort();
}

const NhsNumber& subject()
{
    static const NhsNumber n = NhsNumber::parse(QStringLiteral("9000000009")).value();
    return n;
}

void checkPlans(const QList<cpis::CpisPlan>& plans)
{
    for (const cpis::CpisPlan& p : plans) {
        require(p.start.isValid(), "plan without a valid start date");
        require(!p.end || (p.end->isValid() && *p.end >= p.start), "plan ends before it starts");
        require(p.type != PlanType::UnbornChildProtection || p.end.has_value(),
                "UCPP without an end date");
        // The guide names the authority with no ODS code: the name is what must be there.
        require(!p.authority.name.isEmpty(), "plan without a named local authority");
        require(!p.authority.officeHoursPhone.isEmpty() ||
                    !p.authority.emergencyDutyPhone.isEmpty(),
                "local authority without a telephone number");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A copy, as QNetworkReply::readAll() would hand over, not a view of libFuzzer's buffer.
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));

    if (const auto patient = FhirParser::patient(body, subject())) {
        require(!patient->nhsNumber.isNull(), "patient without an NHS number");
        require(!patient->restricted() ||
                    (patient->address.isEmpty() && patient->temporaryAddress.isEmpty()),
                "restricted record shows an address");
        require(!patient->birthDate || patient->birthDate->earliest().isValid(),
                "invalid birth date");
        require(!patient->deceased || patient->deceased->earliest().isValid(),
                "invalid date of death");
    }

    if (const auto plans = FhirParser::careTeamBundle(body, subject()))
        checkPlans(plans.value());

    if (const auto history = FhirParser::auditEventBundle(body)) {
        require(history->size() <= FhirParser::kMaxAccessRecords, "too many access records");
        for (qsizetype i = 0; i < history->size(); ++i) {
            const cpis::AccessRecord& r = history->at(i);
            require(r.when.isValid(), "access record without a time");
            require(!r.viewerName.isEmpty() && !r.organisation.isEmpty(),
                    "access record without viewer or organisation");
            require(i == 0 || history->at(i - 1).when >= r.when, "history not newest first");
        }
    }

    if (const auto cached = LookupResult::fromCachePayload(body, subject())) {
        require(cached->fromCache && cached->answeredAtUtc.isValid(), "cache answer without age");
        require(cached->state != LookupResult::State::CouldNotCheck, "a failure came from cache");
        require((cached->state == LookupResult::State::PlansFound) == !cached->plans.isEmpty(),
                "cached state and plans disagree");
    }
    return 0;
}
