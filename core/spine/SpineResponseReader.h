#pragma once

#include "core/domain/Result.h"
#include "core/net/ServiceError.h"
#include "core/spine/SpineAnswer.h"
#include "core/spine/SpineXmlTree.h"

#include <QByteArray>
#include <QString>

namespace cpis {

// Reads Spine's answer to a CP-IS query (QUPC_IN000006GB01), strictly. The only answers are
// REPC_IN000007GB01 (the records) and QUQI_IN010000UK14 with queryResponseCode NF ("no record
// found": the one and only way to "no record"). An MCCI_IN010000UK13 acknowledgement, a SOAP
// fault, a wsa:RelatesTo that is missing or names another request, an element in an unknown
// namespace or place, an unknown code, a date that is not the data type's, a count that does
// not match what came, a record about another NHS number: each is a BadResponse error whose
// detail says which, never a shorter answer.
class SpineResponseReader
{
public:
    struct Expected
    {
        QString requestMessageId; // the request's wsa:MessageID, which RelatesTo must name
        QString nhsNumber;        // the ten digits asked about
    };

    static Result<SpineAnswer, ServiceError> read(const QByteArray& body,
                                                  const Expected& expected,
                                                  int httpStatus = 200,
                                                  SpineXmlTree::Limits limits = {});
};

} // namespace cpis
