<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>LookupResult</name>
    <message numerus="yes">
        <source>The national service is busy. Try again in %n second(s).</source>
        <translation>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Plentyn sy&apos;n Derbyn Gofal</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn yn y Groth</translation>
    </message>
    <message>
        <source>The national service could not be reached.</source>
        <translation>Nid oedd modd cyrraedd y gwasanaeth cenedlaethol.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>Ni atebodd y gwasanaeth cenedlaethol mewn pryd.</translation>
    </message>
    <message>
        <source>The national service reported an error.</source>
        <translation>Adroddodd y gwasanaeth cenedlaethol wall.</translation>
    </message>
    <message>
        <source>The national service is busy. Try again shortly.</source>
        <translation>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall yn fuan.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to check CP-IS.</source>
        <translation>Mae eich mewngofnodi wedi dod i ben. Mewngofnodwch eto i wirio CP-IS.</translation>
    </message>
    <message>
        <source>The national service refused access for your role.</source>
        <translation>Gwrthododd y gwasanaeth cenedlaethol fynediad i&apos;ch rôl.</translation>
    </message>
    <message>
        <source>The national service sent an answer that could not be read.</source>
        <translation>Anfonodd y gwasanaeth cenedlaethol ateb nad oedd modd ei ddarllen.</translation>
    </message>
    <message>
        <source>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</source>
        <translation>Nid yw&apos;r Gwasanaeth Demograffeg Personol yn adnabod y rhif GIG hwn. Gwiriwch y rhif gyda&apos;r person.</translation>
    </message>
    <message>
        <source>Your role does not include access to CP-IS.</source>
        <translation>Nid yw eich rôl yn cynnwys mynediad i CP-IS.</translation>
    </message>
    <message>
        <source>The service did not recognise the request (check the configured address).</source>
        <translation>Nid oedd y gwasanaeth yn adnabod y cais (gwiriwch y cyfeiriad sydd wedi&apos;i osod).</translation>
    </message>
    <message>
        <source>The Personal Demographics Service has invalidated the record for this NHS number and names no number in its place. Trace the person again before checking CP-IS.</source>
        <translation>Mae&apos;r Gwasanaeth Demograffeg Personol wedi annilysu&apos;r cofnod ar gyfer y rhif GIG hwn ac nid yw&apos;n enwi rhif yn ei le. Olrheiniwch y person eto cyn gwirio CP-IS.</translation>
    </message>
    <message>
        <source>NHS number not verified on PDS: CP-IS was not asked about it.</source>
        <translation>Nid yw&apos;r rhif GIG wedi&apos;i ddilysu ar PDS: ni holwyd CP-IS amdano.</translation>
    </message>
    <message>
        <source>The secure connection to the national service failed: it refused this desk&apos;s certificate, or its own certificate is not trusted here. Tell your administrator.</source>
        <translation>Methodd y cysylltiad diogel â&apos;r gwasanaeth cenedlaethol: gwrthododd dystysgrif y ddesg hon, neu nid oes modd ymddiried yn ei dystysgrif ei hun yma. Dywedwch wrth eich gweinyddwr.</translation>
    </message>
</context>
<context>
    <name>NhsNumber</name>
    <message>
        <source>Enter an NHS number.</source>
        <translation>Rhowch rif GIG.</translation>
    </message>
    <message>
        <source>An NHS number has only digits (spaces and hyphens are allowed between them).</source>
        <translation>Dim ond digidau sydd mewn rhif GIG (caniateir bylchau a chysylltnodau rhyngddynt).</translation>
    </message>
    <message>
        <source>An NHS number has 10 digits.</source>
        <translation>Mae gan rif GIG 10 digid.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: no NHS number starts with these nine digits.</source>
        <translation>Nid yw hwn yn rhif GIG dilys: nid oes rhif GIG yn dechrau gyda&apos;r naw digid hyn.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: the last digit does not match. Check for a typing error.</source>
        <translation>Nid yw hwn yn rhif GIG dilys: nid yw&apos;r digid olaf yn cyfateb. Gwiriwch am gamgymeriad teipio.</translation>
    </message>
</context>
<context>
    <name>cpis::AreaListService</name>
    <message>
        <source>The national service could not be reached.</source>
        <translation>Nid oedd modd cyrraedd y gwasanaeth cenedlaethol.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>Ni atebodd y gwasanaeth cenedlaethol mewn pryd.</translation>
    </message>
    <message>
        <source>Your sign-in has expired; sign in again.</source>
        <translation>Mae eich mewngofnodi wedi dod i ben; mewngofnodwch eto.</translation>
    </message>
    <message>
        <source>Your role may not receive area lists.</source>
        <translation>Ni chaiff eich rôl dderbyn rhestrau ardal.</translation>
    </message>
    <message>
        <source>The national service sent a list the desk could not read (%1).</source>
        <translation>Anfonodd y gwasanaeth cenedlaethol restr nad oedd modd i&apos;r ddesg ei darllen (%1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Wedi&apos;i ganslo.</translation>
    </message>
    <message>
        <source>The national service could not provide the list (%1).</source>
        <translation>Nid oedd modd i&apos;r gwasanaeth cenedlaethol ddarparu&apos;r rhestr (%1).</translation>
    </message>
    <message>
        <source>Asking the national service for the list…</source>
        <translation>Yn gofyn i&apos;r gwasanaeth cenedlaethol am y rhestr…</translation>
    </message>
    <message>
        <source>The national service is preparing the list…</source>
        <translation>Mae&apos;r gwasanaeth cenedlaethol yn paratoi&apos;r rhestr…</translation>
    </message>
    <message>
        <source>The encrypted store could not start the update: %1</source>
        <translation>Nid oedd modd i&apos;r storfa wedi&apos;i hamgryptio ddechrau&apos;r diweddariad: %1</translation>
    </message>
    <message>
        <source>The list names plans of people it does not list.</source>
        <translation>Mae&apos;r rhestr yn enwi cynlluniau pobl nad ydynt ar y rhestr.</translation>
    </message>
    <message>
        <source>The encrypted store failed: %1</source>
        <translation>Methodd y storfa wedi&apos;i hamgryptio: %1</translation>
    </message>
    <message>
        <source>The audit log could not record the list: %1</source>
        <translation>Nid oedd modd i&apos;r log archwilio gofnodi&apos;r rhestr: %1</translation>
    </message>
    <message>
        <source>The encrypted store could not save the list: %1</source>
        <translation>Nid oedd modd i&apos;r storfa wedi&apos;i hamgryptio gadw&apos;r rhestr: %1</translation>
    </message>
    <message>
        <source>The audit log could not record the export: %1</source>
        <translation>Nid oedd modd i&apos;r log archwilio gofnodi&apos;r allforio: %1</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Nid oedd modd ysgrifennu&apos;r ffeil.</translation>
    </message>
    <message>
        <source>The national service is preparing the list: %1 of %2 people</source>
        <translation>Mae&apos;r gwasanaeth cenedlaethol yn paratoi&apos;r rhestr: %1 o %2 o bobl</translation>
    </message>
    <message>
        <source>The national service is preparing the list: %1% done</source>
        <translation>Mae&apos;r gwasanaeth cenedlaethol yn paratoi&apos;r rhestr: %1% wedi&apos;i wneud</translation>
    </message>
    <message>
        <source>Receiving %1 of %2 people</source>
        <translation>Yn derbyn %1 o %2 o bobl</translation>
    </message>
    <message>
        <source>Receiving people: %1 so far</source>
        <translation>Yn derbyn pobl: %1 hyd yma</translation>
    </message>
    <message>
        <source>Receiving %1 of %2 plans</source>
        <translation>Yn derbyn %1 o %2 o gynlluniau</translation>
    </message>
    <message>
        <source>Receiving plans: %1 so far</source>
        <translation>Yn derbyn cynlluniau: %1 hyd yma</translation>
    </message>
    <message>
        <source>Removing what the national service has deleted…</source>
        <translation>Yn tynnu&apos;r hyn y mae&apos;r gwasanaeth cenedlaethol wedi&apos;i ddileu…</translation>
    </message>
    <message>
        <source>Reading the problems the national service reported…</source>
        <translation>Yn darllen y problemau a adroddodd y gwasanaeth cenedlaethol…</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Yn cadw&apos;r rhestr…</translation>
    </message>
    <message>
        <source>Area lists need the CP-IS FHIR service, and this desk&apos;s profile names none (cpis-fhir). Ask your administrator.</source>
        <translation>Mae rhestrau ardal angen gwasanaeth FHIR CP-IS, ac nid yw proffil y ddesg hon yn enwi un (cpis-fhir). Gofynnwch i&apos;ch gweinyddwr.</translation>
    </message>
</context>
<context>
    <name>cpis::Cis2UserDetails</name>
    <message>
        <source>The identity provider&apos;s user details are about another user.</source>
        <translation>Mae manylion defnyddiwr y darparwr hunaniaeth yn ymwneud â defnyddiwr arall.</translation>
    </message>
    <message>
        <source>CIS2 gave no selected role: you have no role that can use this service. Ask your registration authority for one.</source>
        <translation>Ni roddodd CIS2 rôl a ddewiswyd: nid oes gennych rôl sy&apos;n gallu defnyddio&apos;r gwasanaeth hwn. Gofynnwch i&apos;ch awdurdod cofrestru am un.</translation>
    </message>
    <message>
        <source>The role you selected in CIS2 is not among your roles&apos; details.</source>
        <translation>Nid yw&apos;r rôl a ddewisoch yn CIS2 ymhlith manylion eich rolau.</translation>
    </message>
</context>
<context>
    <name>cpis::IdTokenCheck</name>
    <message>
        <source>The identity token is not signed with RS256 or RS512.</source>
        <translation>Nid yw&apos;r tocyn hunaniaeth wedi&apos;i lofnodi ag RS256 nac RS512.</translation>
    </message>
    <message>
        <source>The identity token&apos;s signature does not hold.</source>
        <translation>Nid yw llofnod y tocyn hunaniaeth yn dal.</translation>
    </message>
    <message>
        <source>The identity token comes from another issuer.</source>
        <translation>Daw&apos;r tocyn hunaniaeth gan gyhoeddwr arall.</translation>
    </message>
    <message>
        <source>The identity token was issued to another application.</source>
        <translation>Cyhoeddwyd y tocyn hunaniaeth i raglen arall.</translation>
    </message>
    <message>
        <source>The identity token gives no issue or expiry time.</source>
        <translation>Nid yw&apos;r tocyn hunaniaeth yn rhoi amser cyhoeddi nac amser dod i ben.</translation>
    </message>
    <message>
        <source>The identity token has expired.</source>
        <translation>Mae&apos;r tocyn hunaniaeth wedi dod i ben.</translation>
    </message>
    <message>
        <source>The identity token was issued in the future: check this computer&apos;s clock.</source>
        <translation>Cyhoeddwyd y tocyn hunaniaeth yn y dyfodol: gwiriwch gloc y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>The identity token does not belong to this sign-in attempt.</source>
        <translation>Nid yw&apos;r tocyn hunaniaeth yn perthyn i&apos;r ymgais mewngofnodi hon.</translation>
    </message>
    <message>
        <source>The identity token names no user.</source>
        <translation>Nid yw&apos;r tocyn hunaniaeth yn enwi defnyddiwr.</translation>
    </message>
    <message>
        <source>You signed in with an authenticator weaker than this service requires (%1). Sign in again with a smartcard or another stronger authenticator.</source>
        <translation>Fe wnaethoch fewngofnodi gyda dilysydd gwannach nag y mae&apos;r gwasanaeth hwn yn ei ofyn (%1). Mewngofnodwch eto gyda cherdyn clyfar neu ddilysydd cryfach arall.</translation>
    </message>
</context>
<context>
    <name>cpis::MeshError</name>
    <message>
        <source>The notices mailbox is not set up on this desk: the administrator must set its mailbox id, password and shared key.</source>
        <translation>Nid yw&apos;r blwch post hysbysiadau wedi&apos;i osod ar y ddesg hon: rhaid i&apos;r gweinyddwr osod ei ddynodydd blwch post, ei gyfrinair a&apos;i allwedd a rennir.</translation>
    </message>
    <message>
        <source>The MESH mailbox could not be reached. The notices shown may not be all there are.</source>
        <translation>Nid oedd modd cyrraedd y blwch post MESH. Efallai nad yw&apos;r hysbysiadau a ddangosir yn cynnwys pob un sydd yno.</translation>
    </message>
    <message>
        <source>The MESH mailbox did not answer in time. The notices shown may not be all there are.</source>
        <translation>Ni atebodd y blwch post MESH mewn pryd. Efallai nad yw&apos;r hysbysiadau a ddangosir yn cynnwys pob un sydd yno.</translation>
    </message>
    <message>
        <source>The connection to the MESH mailbox was not secure (certificate or TLS failure), so nothing was read. Tell the administrator.</source>
        <translation>Nid oedd y cysylltiad â&apos;r blwch post MESH yn ddiogel (methiant tystysgrif neu TLS), felly ni ddarllenwyd dim. Rhowch wybod i&apos;r gweinyddwr.</translation>
    </message>
    <message>
        <source>The MESH server refused the connection: it needs the mailbox&apos;s TLS certificate, which is missing or not accepted. Tell the administrator.</source>
        <translation>Gwrthododd y gweinydd MESH y cysylltiad: mae angen tystysgrif TLS y blwch post arno, ac mae honno ar goll neu heb ei derbyn. Rhowch wybod i&apos;r gweinyddwr.</translation>
    </message>
    <message>
        <source>The MESH server refused the mailbox: this computer&apos;s clock is %1 hours off the server&apos;s, and MESH allows 2. Have the clock corrected.</source>
        <translation>Gwrthododd y gweinydd MESH y blwch post: mae cloc y cyfrifiadur hwn %1 awr allan o&apos;i gymharu â chloc y gweinydd, a dim ond 2 y mae MESH yn eu caniatáu. Gofynnwch i rywun gywiro&apos;r cloc.</translation>
    </message>
    <message>
        <source>The MESH server refused the mailbox&apos;s credentials (HTTP 403): the mailbox password or shared key is wrong, a request was replayed, or this computer&apos;s clock is more than 2 hours off. Nothing was read; tell the administrator.</source>
        <translation>Gwrthododd y gweinydd MESH fanylion dilysu&apos;r blwch post (HTTP 403): mae cyfrinair y blwch post neu&apos;r allwedd a rennir yn anghywir, anfonwyd cais eilwaith, neu mae cloc y cyfrifiadur hwn fwy na 2 awr allan. Ni ddarllenwyd dim; rhowch wybod i&apos;r gweinyddwr.</translation>
    </message>
    <message>
        <source>The MESH mailbox no longer holds this message.</source>
        <translation>Nid yw&apos;r blwch post MESH yn dal y neges hon mwyach.</translation>
    </message>
    <message>
        <source>The message expired in the MESH mailbox before it was downloaded.</source>
        <translation>Daeth y neges i ben yn y blwch post MESH cyn iddi gael ei llwytho i lawr.</translation>
    </message>
    <message>
        <source>The MESH server refused the request as invalid (HTTP 400).</source>
        <translation>Gwrthododd y gweinydd MESH y cais fel un annilys (HTTP 400).</translation>
    </message>
    <message>
        <source>The MESH service failed to answer. The notices shown may not be all there are.</source>
        <translation>Methodd y gwasanaeth MESH ag ateb. Efallai nad yw&apos;r hysbysiadau a ddangosir yn cynnwys pob un sydd yno.</translation>
    </message>
    <message>
        <source>The MESH mailbox sent an answer that could not be read. The notices shown may not be all there are.</source>
        <translation>Anfonodd y blwch post MESH ateb nad oedd modd ei ddarllen. Efallai nad yw&apos;r hysbysiadau a ddangosir yn cynnwys pob un sydd yno.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>Cafodd y llwytho i lawr ei ganslo.</translation>
    </message>
    <message>
        <source>A downloaded message could not be kept in the encrypted store.</source>
        <translation>Nid oedd modd cadw neges a lwythwyd i lawr yn y storfa wedi&apos;i hamgryptio.</translation>
    </message>
</context>
<context>
    <name>cpis::NoticeService</name>
    <message>
        <source>The notices could not be read from the encrypted store: %1</source>
        <translation>Nid oedd modd darllen yr hysbysiadau o&apos;r storfa wedi&apos;i hamgryptio: %1</translation>
    </message>
    <message>
        <source>The notices could not be saved in the encrypted store: %1</source>
        <translation>Nid oedd modd cadw&apos;r hysbysiadau yn y storfa wedi&apos;i hamgryptio: %1</translation>
    </message>
    <message>
        <source>The notice could not be read from the encrypted store: %1</source>
        <translation>Nid oedd modd darllen yr hysbysiad o&apos;r storfa wedi&apos;i hamgryptio: %1</translation>
    </message>
    <message>
        <source>This notice is not held on this desk.</source>
        <translation>Nid yw&apos;r hysbysiad hwn yn cael ei ddal ar y ddesg hon.</translation>
    </message>
    <message>
        <source>This notice has already been acknowledged.</source>
        <translation>Mae&apos;r hysbysiad hwn wedi&apos;i gydnabod yn barod.</translation>
    </message>
    <message>
        <source>Not acknowledged: the audit log could not record it (%1).</source>
        <translation>Heb ei gydnabod: nid oedd modd i&apos;r log archwilio ei gofnodi (%1).</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Heb ei gydnabod: %1</translation>
    </message>
    <message>
        <source>A MESH error report was kept but not acknowledged: the audit log could not record it (%1).</source>
        <translation>Cadwyd adroddiad gwall MESH ond ni chafodd ei gydnabod: nid oedd modd i&apos;r log archwilio ei gofnodi (%1).</translation>
    </message>
    <message>
        <source>CP-IS Desk (an error report, acknowledged when received)</source>
        <translation>Desg CP-IS (adroddiad gwall, wedi&apos;i gydnabod pan gyrhaeddodd)</translation>
    </message>
    <message>
        <source>A notice that could not be read is not acknowledged: it stays in the mailbox until CP-IS or the administrator has looked at message %1.</source>
        <translation>Nid yw hysbysiad nad oedd modd ei ddarllen yn cael ei gydnabod: mae&apos;n aros yn y blwch post nes bydd CP-IS neu&apos;r gweinyddwr wedi edrych ar neges %1.</translation>
    </message>
    <message>
        <source>The mailbox no longer holds this notice, and this desk could not save that: %1</source>
        <translation>Nid yw&apos;r blwch post yn dal yr hysbysiad hwn mwyach, ac nid oedd modd i&apos;r ddesg hon gadw hynny: %1</translation>
    </message>
    <message>
        <source>Acknowledged with the mailbox, but this desk could not save it: %1</source>
        <translation>Wedi&apos;i gydnabod gyda&apos;r blwch post, ond nid oedd modd i&apos;r ddesg hon ei gadw: %1</translation>
    </message>
</context>
<context>
    <name>cpis::OidcDiscovery</name>
    <message>
        <source>The identity provider could not be reached: %1</source>
        <translation>Nid oedd modd cyrraedd y darparwr hunaniaeth: %1</translation>
    </message>
    <message>
        <source>The identity provider&apos;s signing keys could not be read: %1</source>
        <translation>Nid oedd modd darllen allweddi llofnodi&apos;r darparwr hunaniaeth: %1</translation>
    </message>
    <message>
        <source>The identity provider&apos;s discovery document was not read.</source>
        <translation>Ni ddarllenwyd dogfen ddarganfod y darparwr hunaniaeth.</translation>
    </message>
    <message>
        <source>The identity token was signed with a key the identity provider does not publish.</source>
        <translation>Llofnodwyd y tocyn hunaniaeth ag allwedd nad yw&apos;r darparwr hunaniaeth yn ei chyhoeddi.</translation>
    </message>
</context>
<context>
    <name>cpis::SignInFlow</name>
    <message>
        <source>The sign-in reply carried no authorization code.</source>
        <translation>Nid oedd cod awdurdodi yn yr ateb mewngofnodi.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Methodd y mewngofnodi: %1</translation>
    </message>
    <message>
        <source>Could not read your user details: %1</source>
        <translation>Nid oedd modd darllen eich manylion defnyddiwr: %1</translation>
    </message>
    <message>
        <source>Sign-in needs the local port %1 for the identity provider&apos;s answer, and another program is using it (%2). Close that program, or ask your administrator to register another port.</source>
        <translation>Mae mewngofnodi angen y porth lleol %1 ar gyfer ateb y darparwr hunaniaeth, ac mae rhaglen arall yn ei ddefnyddio (%2). Caewch y rhaglen honno, neu gofynnwch i&apos;ch gweinyddwr gofrestru porth arall.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Heb ei ganfod.</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in in progress. Return to CP-IS Desk.</source>
        <translation>Nid yw&apos;r ateb hwn yn perthyn i&apos;r mewngofnodi sydd ar y gweill. Dychwelwch i CP-IS Desk.</translation>
    </message>
    <message>
        <source>Sign-in was refused. Return to CP-IS Desk.</source>
        <translation>Gwrthodwyd y mewngofnodi. Dychwelwch i CP-IS Desk.</translation>
    </message>
    <message>
        <source>The identity provider refused the sign-in: %1</source>
        <translation>Gwrthododd y darparwr hunaniaeth y mewngofnodi: %1</translation>
    </message>
    <message>
        <source>The answer carried no authorization code.</source>
        <translation>Nid oedd cod awdurdodi yn yr ateb.</translation>
    </message>
    <message>
        <source>Signed in. You can close this window and return to CP-IS Desk.</source>
        <translation>Wedi mewngofnodi. Gallwch gau&apos;r ffenestr hon a dychwelyd i CP-IS Desk.</translation>
    </message>
    <message>
        <source>The identity provider gave no usable tokens.</source>
        <translation>Ni roddodd y darparwr hunaniaeth docynnau y gellir eu defnyddio.</translation>
    </message>
    <message>
        <source>The identity token cannot be read: %1</source>
        <translation>Nid oes modd darllen y tocyn hunaniaeth: %1</translation>
    </message>
    <message>
        <source>This profile names no API platform token exchange, so PDS and CP-IS cannot be reached. Ask your administrator.</source>
        <translation>Nid yw&apos;r proffil hwn yn enwi cyfnewid tocynnau platfform yr API, felly nid oes modd cyrraedd PDS a CP-IS. Gofynnwch i&apos;ch gweinyddwr.</translation>
    </message>
    <message>
        <source>The session cannot be renewed: sign in again.</source>
        <translation>Nid oes modd adnewyddu&apos;r sesiwn: mewngofnodwch eto.</translation>
    </message>
    <message>
        <source>The API platform was not asked to revoke the session: the profile&apos;s platform key cannot be used.</source>
        <translation>Ni ofynnwyd i&apos;r platfform API ddirymu&apos;r sesiwn: ni ellir defnyddio allwedd platfform y proffil.</translation>
    </message>
    <message>
        <source>The API platform did not revoke the session: %1</source>
        <translation>Ni wnaeth y platfform API ddirymu&apos;r sesiwn: %1</translation>
    </message>
    <message>
        <source>The identity provider could not be told to end the session: %1</source>
        <translation>Nid oedd modd dweud wrth y darparwr hunaniaeth am ddod â&apos;r sesiwn i ben: %1</translation>
    </message>
    <message>
        <source>The identity provider did not revoke its access token: %1</source>
        <translation>Ni wnaeth y darparwr hunaniaeth ddirymu ei docyn mynediad: %1</translation>
    </message>
    <message>
        <source>The identity provider did not end the session: %1</source>
        <translation>Ni ddaeth y darparwr hunaniaeth â&apos;r sesiwn i ben: %1</translation>
    </message>
</context>
<context>
    <name>cpis::TokenExchange</name>
    <message>
        <source>The API platform gave an unusable token.</source>
        <translation>Rhoddodd platfform yr API docyn na ellir ei ddefnyddio.</translation>
    </message>
    <message>
        <source>The API platform refused access: %1</source>
        <translation>Gwrthododd platfform yr API fynediad: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AccessHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AreaListModel</name>
    <message>
        <source>Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Plentyn sy&apos;n Derbyn Gofal</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn yn y Groth</translation>
    </message>
    <message>
        <source>open</source>
        <translation>agored</translation>
    </message>
    <message>
        <source>%1, ended</source>
        <translation>%1, wedi dod i ben</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>daeth i ben %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ganwyd</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation>Awdurdod lleol</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AreaListView</name>
    <message>
        <source>Area list</source>
        <translation>Rhestr ardal</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ardal</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Ardal:</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>Cy&amp;soni</translation>
    </message>
    <message>
        <source>Sync the area list</source>
        <translation>Cysoni&apos;r rhestr ardal</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Ca&amp;nslo&apos;r cysoni</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>Canslo&apos;r cysoni</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Cynnydd y cysoni</translation>
    </message>
    <message>
        <source>Sync progress text</source>
        <translation>Testun cynnydd y cysoni</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Cyflwr y cysoni</translation>
    </message>
    <message>
        <source>Filter by name or NHS number</source>
        <translation>Hidlo yn ôl enw neu rif GIG</translation>
    </message>
    <message>
        <source>Filter by name or NHS number (Ctrl+F)</source>
        <translation>Hidlo yn ôl enw neu rif GIG (Ctrl+F)</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>Math o gynllun</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>Pob cynllun</translation>
    </message>
    <message>
        <source>Child Protection Plans</source>
        <translation>Cynlluniau Amddiffyn Plant</translation>
    </message>
    <message>
        <source>Looked After Children</source>
        <translation>Plant sy&apos;n Derbyn Gofal</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plans</source>
        <translation>Cynlluniau Amddiffyn Plentyn yn y Groth</translation>
    </message>
    <message>
        <source>Show &amp;ended plans</source>
        <translation>Dangos cynlluniau sydd wedi dod i &amp;ben</translation>
    </message>
    <message>
        <source>Show ended plans</source>
        <translation>Dangos cynlluniau sydd wedi dod i ben</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Allf&amp;orio CSV…</translation>
    </message>
    <message>
        <source>Export the shown rows as CSV</source>
        <translation>Allforio&apos;r rhesi a ddangosir fel CSV</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>Rhesi a ddangosir</translation>
    </message>
    <message>
        <source>Children on plans in the area</source>
        <translation>Plant ar gynlluniau yn yr ardal</translation>
    </message>
    <message>
        <source>Asking the national service which areas you may see…</source>
        <translation>Yn gofyn i&apos;r gwasanaeth cenedlaethol pa ardaloedd y cewch eu gweld…</translation>
    </message>
    <message>
        <source>Could not get your areas from the national service (%1). Try again later.</source>
        <translation>Nid oedd modd cael eich ardaloedd gan y gwasanaeth cenedlaethol (%1). Rhowch gynnig arall yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Your role has no areas.</source>
        <translation>Nid oes gan eich rôl ardaloedd.</translation>
    </message>
    <message>
        <source>Not synced yet: press Sync to fetch this area&apos;s list.</source>
        <translation>Heb ei gysoni eto: pwyswch Cysoni i nôl rhestr yr ardal hon.</translation>
    </message>
    <message>
        <source>The last sync (%1) failed: %2 The list shown is the one as of above.</source>
        <translation>Methodd y cysoni diwethaf (%1): %2 Y rhestr a ddangosir yw&apos;r un fel yr oedd ar yr amser uchod.</translation>
    </message>
    <message>
        <source>The last sync (%1) failed: %2 No list has been received.</source>
        <translation>Methodd y cysoni diwethaf (%1): %2 Nid oes rhestr wedi dod i law.</translation>
    </message>
    <message>
        <source>Sync failed.</source>
        <translation>Methodd y cysoni.</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown</source>
        <translation>Yn dangos %1 o %2 rhes</translation>
    </message>
    <message>
        <source>Export area list</source>
        <translation>Allforio&apos;r rhestr ardal</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ffeiliau CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be opened for writing.</source>
        <translation>Nid oedd modd agor y ffeil i ysgrifennu iddi.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Nid oedd modd ysgrifennu&apos;r ffeil.</translation>
    </message>
    <message>
        <source>Problems reported by the national service</source>
        <translation>Problemau a adroddwyd gan y gwasanaeth cenedlaethol</translation>
    </message>
    <message numerus="yes">
        <source>Partial: %n problem(s) reported by the service. The list may lack the children they concern; the next sync fetches the whole list again.</source>
        <translation>
            <numerusform>Rhannol: adroddodd y gwasanaeth %n problem. Efallai nad yw&apos;r rhestr yn cynnwys y plant dan sylw; bydd y cysoni nesaf yn nôl y rhestr gyfan eto.</numerusform>
            <numerusform>Rhannol: adroddodd y gwasanaeth %n problem. Efallai nad yw&apos;r rhestr yn cynnwys y plant dan sylw; bydd y cysoni nesaf yn nôl y rhestr gyfan eto.</numerusform>
            <numerusform>Rhannol: adroddodd y gwasanaeth %n problem. Efallai nad yw&apos;r rhestr yn cynnwys y plant dan sylw; bydd y cysoni nesaf yn nôl y rhestr gyfan eto.</numerusform>
            <numerusform>Rhannol: adroddodd y gwasanaeth %n problem. Efallai nad yw&apos;r rhestr yn cynnwys y plant dan sylw; bydd y cysoni nesaf yn nôl y rhestr gyfan eto.</numerusform>
            <numerusform>Rhannol: adroddodd y gwasanaeth %n problem. Efallai nad yw&apos;r rhestr yn cynnwys y plant dan sylw; bydd y cysoni nesaf yn nôl y rhestr gyfan eto.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…a %n arall.</numerusform>
            <numerusform>…a %n arall.</numerusform>
            <numerusform>…a %n arall.</numerusform>
            <numerusform>…a %n arall.</numerusform>
            <numerusform>…a %n arall.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln on plans)</source>
        <translation>
            <numerusform>%1 (%Ln ar gynlluniau)</numerusform>
            <numerusform>%1 (%Ln ar gynlluniau)</numerusform>
            <numerusform>%1 (%Ln ar gynlluniau)</numerusform>
            <numerusform>%1 (%Ln ar gynlluniau)</numerusform>
            <numerusform>%1 (%Ln ar gynlluniau)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>As of %1: %Ln people, </source>
        <translation>
            <numerusform>Fel yr oedd am %1: %Ln person, </numerusform>
            <numerusform>Fel yr oedd am %1: %Ln person, </numerusform>
            <numerusform>Fel yr oedd am %1: %Ln person, </numerusform>
            <numerusform>Fel yr oedd am %1: %Ln person, </numerusform>
            <numerusform>Fel yr oedd am %1: %Ln person, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plans.</source>
        <translation>
            <numerusform>%Ln cynllun.</numerusform>
            <numerusform>%Ln cynllun.</numerusform>
            <numerusform>%Ln cynllun.</numerusform>
            <numerusform>%Ln cynllun.</numerusform>
            <numerusform>%Ln cynllun.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partly up to date as of %1: %Ln problem(s) reported by the service.</source>
        <translation>
            <numerusform>Yn rhannol gyfredol fel yr oedd am %1: adroddodd y gwasanaeth %Ln problem.</numerusform>
            <numerusform>Yn rhannol gyfredol fel yr oedd am %1: adroddodd y gwasanaeth %Ln problem.</numerusform>
            <numerusform>Yn rhannol gyfredol fel yr oedd am %1: adroddodd y gwasanaeth %Ln problem.</numerusform>
            <numerusform>Yn rhannol gyfredol fel yr oedd am %1: adroddodd y gwasanaeth %Ln problem.</numerusform>
            <numerusform>Yn rhannol gyfredol fel yr oedd am %1: adroddodd y gwasanaeth %Ln problem.</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date as of %1.</source>
        <translation>Yn gyfredol fel yr oedd am %1.</translation>
    </message>
    <message>
        <source>%1 people and %2 plans changed.</source>
        <translation>Newidiodd %1 person a %2 cynllun.</translation>
    </message>
    <message>
        <source>Sync cancelled; the list shown is as of %1.</source>
        <translation>Canslwyd y cysoni; mae&apos;r rhestr a ddangosir fel yr oedd am %1.</translation>
    </message>
    <message>
        <source>Sync cancelled; no list has been synced yet.</source>
        <translation>Canslwyd y cysoni; nid oes rhestr wedi&apos;i chysoni eto.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) the service deleted were removed from the list.</source>
        <translation>
            <numerusform>Tynnwyd %Ln cofnod a ddilëwyd gan y gwasanaeth o&apos;r rhestr.</numerusform>
            <numerusform>Tynnwyd %Ln cofnod a ddilëwyd gan y gwasanaeth o&apos;r rhestr.</numerusform>
            <numerusform>Tynnwyd %Ln cofnod a ddilëwyd gan y gwasanaeth o&apos;r rhestr.</numerusform>
            <numerusform>Tynnwyd %Ln cofnod a ddilëwyd gan y gwasanaeth o&apos;r rhestr.</numerusform>
            <numerusform>Tynnwyd %Ln cofnod a ddilëwyd gan y gwasanaeth o&apos;r rhestr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln rows.</source>
        <translation>
            <numerusform>Allforiwyd %Ln rhes.</numerusform>
            <numerusform>Allforiwyd %Ln rhes.</numerusform>
            <numerusform>Allforiwyd %Ln rhes.</numerusform>
            <numerusform>Allforiwyd %Ln rhes.</numerusform>
            <numerusform>Allforiwyd %Ln rhes.</numerusform>
        </translation>
    </message>
    <message>
        <source>A file of that name already exists: choose another name.</source>
        <translation>Mae ffeil o&apos;r enw hwnnw&apos;n bodoli eisoes: dewiswch enw arall.</translation>
    </message>
    <message>
        <source>That name is a link or not an ordinary file: choose another name.</source>
        <translation>Mae&apos;r enw hwnnw&apos;n ddolen neu nid yw&apos;n ffeil gyffredin: dewiswch enw arall.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::BusyPanel</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Canslo (Esc)</translation>
    </message>
    <message>
        <source>Cancel the look-up</source>
        <translation>Canslo&apos;r chwiliad</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n second(s) so far)</source>
        <translation>
            <numerusform>%1 (%n eiliad hyd yma)</numerusform>
            <numerusform>%1 (%n eiliad hyd yma)</numerusform>
            <numerusform>%1 (%n eiliad hyd yma)</numerusform>
            <numerusform>%1 (%n eiliad hyd yma)</numerusform>
            <numerusform>%1 (%n eiliad hyd yma)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::CpisResultView</name>
    <message>
        <source>Access history (most recent 25)</source>
        <translation>Hanes mynediad (y 25 diweddaraf)</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Hanes mynediad</translation>
    </message>
    <message>
        <source>CP-IS ALERT: this person is known to children&apos;s social care</source>
        <translation>RHYBUDD CP-IS: mae gofal cymdeithasol plant yn adnabod y person hwn</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on CP-IS for NHS No. %1</source>
        <translation>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact the responsible local authority as your local procedure says.</source>
        <translation>Cysylltwch â&apos;r awdurdod lleol cyfrifol fel y dywed eich gweithdrefn leol.</translation>
    </message>
    <message>
        <source>No CP-IS record found</source>
        <translation>Ni chanfuwyd cofnod CP-IS</translation>
    </message>
    <message>
        <source>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</source>
        <translation>Gwiriwyd CP-IS ar gyfer Rhif GIG %1 am %2 ac nid yw&apos;n dal cofnod Cynllun Amddiffyn Plentyn, Plentyn sy&apos;n Derbyn Gofal na Chynllun Amddiffyn Plentyn yn y Groth. Nid yw hyn yn golygu bod y plentyn yn ddiogel: defnyddiwch eich barn broffesiynol.</translation>
    </message>
    <message>
        <source>CP-IS COULD NOT BE CHECKED</source>
        <translation>NID OEDD MODD GWIRIO CP-IS</translation>
    </message>
    <message>
        <source>Follow local safeguarding procedure.</source>
        <translation>Dilynwch y weithdrefn ddiogelu leol.</translation>
    </message>
    <message>
        <source>Access history could not be loaded.</source>
        <translation>Nid oedd modd llwytho&apos;r hanes mynediad.</translation>
    </message>
    <message>
        <source>CP-IS result</source>
        <translation>Canlyniad CP-IS</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Rhoi cynnig arall arni</translation>
    </message>
    <message>
        <source>Retry the look-up</source>
        <translation>Rhoi cynnig arall ar y chwiliad</translation>
    </message>
    <message numerus="yes">
        <source>%n min old</source>
        <translation>
            <numerusform>%n munud oed</numerusform>
            <numerusform>%n munud oed</numerusform>
            <numerusform>%n munud oed</numerusform>
            <numerusform>%n munud oed</numerusform>
            <numerusform>%n munud oed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min old</source>
        <translation>%1 awr %2 munud oed</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n diwrnod oed</numerusform>
            <numerusform>%n diwrnod oed</numerusform>
            <numerusform>%n diwrnod oed</numerusform>
            <numerusform>%n diwrnod oed</numerusform>
            <numerusform>%n diwrnod oed</numerusform>
        </translation>
    </message>
    <message>
        <source>The offline copy is from %1.</source>
        <translation>Mae&apos;r copi all-lein o %1.</translation>
    </message>
    <message>
        <source>CP-IS was checked at %1.</source>
        <translation>Gwiriwyd CP-IS am %1.</translation>
    </message>
    <message>
        <source>CP-IS: plan ended %1</source>
        <translation>CP-IS: daeth y cynllun i ben %1</translation>
    </message>
    <message>
        <source>CP-IS: plan ended</source>
        <translation>CP-IS: daeth y cynllun i ben</translation>
    </message>
    <message numerus="yes">
        <source>%n ended plan(s) on CP-IS for NHS No. %1, none current.</source>
        <translation>
            <numerusform>%n cynllun wedi dod i ben ar CP-IS ar gyfer Rhif GIG %1, dim un cyfredol.</numerusform>
            <numerusform>%n cynllun wedi dod i ben ar CP-IS ar gyfer Rhif GIG %1, dim un cyfredol.</numerusform>
            <numerusform>%n cynllun wedi dod i ben ar CP-IS ar gyfer Rhif GIG %1, dim un cyfredol.</numerusform>
            <numerusform>%n cynllun wedi dod i ben ar CP-IS ar gyfer Rhif GIG %1, dim un cyfredol.</numerusform>
            <numerusform>%n cynllun wedi dod i ben ar CP-IS ar gyfer Rhif GIG %1, dim un cyfredol.</numerusform>
        </translation>
    </message>
    <message>
        <source>CP-IS ALERT: the unborn child of %1 is on an Unborn Child Protection Plan</source>
        <translation>RHYBUDD CP-IS: mae plentyn heb ei eni %1 ar Gynllun Amddiffyn Plentyn Heb ei Eni</translation>
    </message>
    <message numerus="yes">
        <source>(%n current)</source>
        <translation>
            <numerusform>(%n cyfredol)</numerusform>
            <numerusform>(%n cyfredol)</numerusform>
            <numerusform>(%n cyfredol)</numerusform>
            <numerusform>(%n cyfredol)</numerusform>
            <numerusform>(%n cyfredol)</numerusform>
        </translation>
    </message>
    <message>
        <source>OFFLINE COPY from %1 (%2), not a live answer. %3</source>
        <translation>COPI ALL-LEIN o %1 (%2), nid ateb byw. %3</translation>
    </message>
    <message>
        <source>Could not check CP-IS at %1</source>
        <translation>Methu gwirio CP-IS am %1</translation>
    </message>
    <message>
        <source>Could not trace on PDS at %1: CP-IS was not asked</source>
        <translation>Methu olrhain ar PDS am %1: ni holwyd CP-IS</translation>
    </message>
    <message>
        <source>Live answer from CP-IS, checked %1</source>
        <translation>Ateb byw gan CP-IS, gwiriwyd am %1</translation>
    </message>
    <message>
        <source>The offline copy of %2 says CP-IS held no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record for NHS No. %1. This is not a live answer.</source>
        <translation>Mae copi all-lein %2 yn dweud nad oedd gan CP-IS gofnod Cynllun Amddiffyn Plentyn, Plentyn sy&apos;n Derbyn Gofal na Chynllun Amddiffyn Plentyn Heb ei Eni ar gyfer Rhif GIG %1. Nid ateb byw yw hwn.</translation>
    </message>
    <message>
        <source>This does not mean the child is safe: use your professional judgement.</source>
        <translation>Nid yw hyn yn golygu bod y plentyn yn ddiogel: defnyddiwch eich barn broffesiynol.</translation>
    </message>
    <message>
        <source>COULD NOT TRACE THIS NHS NUMBER</source>
        <translation>METHU OLRHAIN Y RHIF GIG HWN</translation>
    </message>
    <message>
        <source>The responsible local authority was notified of this look-up (unscheduled care).</source>
        <translation>Hysbyswyd yr awdurdod lleol cyfrifol am y chwiliad hwn (gofal heb ei drefnu).</translation>
    </message>
    <message>
        <source>The local authority was not notified: this was a read that does not notify (scheduled care, or your role).</source>
        <translation>Ni hysbyswyd yr awdurdod lleol: darlleniad nad yw&apos;n hysbysu oedd hwn (gofal wedi&apos;i drefnu, neu eich rôl).</translation>
    </message>
    <message>
        <source>No local authority was notified: there is no plan.</source>
        <translation>Ni hysbyswyd unrhyw awdurdod lleol: nid oes cynllun.</translation>
    </message>
    <message>
        <source>No local authority was notified by this look-up.</source>
        <translation>Ni hysbyswyd unrhyw awdurdod lleol gan y chwiliad hwn.</translation>
    </message>
    <message>
        <source>CP-IS asked the desk to wait; you can try again now.</source>
        <translation>Gofynnodd CP-IS i&apos;r ddesg aros; gallwch roi cynnig arall arni nawr.</translation>
    </message>
    <message numerus="yes">
        <source>Could not check CP-IS at %1 (tried %n time(s))</source>
        <translation>
            <numerusform>Methu gwirio CP-IS am %1 (ceisiwyd %n gwaith)</numerusform>
            <numerusform>Methu gwirio CP-IS am %1 (ceisiwyd %n gwaith)</numerusform>
            <numerusform>Methu gwirio CP-IS am %1 (ceisiwyd %n gwaith)</numerusform>
            <numerusform>Methu gwirio CP-IS am %1 (ceisiwyd %n gwaith)</numerusform>
            <numerusform>Methu gwirio CP-IS am %1 (ceisiwyd %n gwaith)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not trace on PDS at %1 (tried %n time(s)): CP-IS was not asked</source>
        <translation>
            <numerusform>Methu olrhain ar PDS am %1 (ceisiwyd %n gwaith): ni holwyd CP-IS</numerusform>
            <numerusform>Methu olrhain ar PDS am %1 (ceisiwyd %n gwaith): ni holwyd CP-IS</numerusform>
            <numerusform>Methu olrhain ar PDS am %1 (ceisiwyd %n gwaith): ni holwyd CP-IS</numerusform>
            <numerusform>Methu olrhain ar PDS am %1 (ceisiwyd %n gwaith): ni holwyd CP-IS</numerusform>
            <numerusform>Methu olrhain ar PDS am %1 (ceisiwyd %n gwaith): ni holwyd CP-IS</numerusform>
        </translation>
    </message>
    <message>
        <source>CP-IS holds a record this desk cannot display: contact the responsible local authority</source>
        <translation>Mae gan CP-IS gofnod na all y ddesg hon ei ddangos: cysylltwch â&apos;r awdurdod lleol cyfrifol</translation>
    </message>
    <message>
        <source>CP-IS holds a record for NHS No. %1 of a plan type this desk does not know.</source>
        <translation>Mae gan CP-IS gofnod ar gyfer Rhif GIG %1 o fath o gynllun nad yw&apos;r ddesg hon yn ei adnabod.</translation>
    </message>
    <message>
        <source>Treat it as a current plan and contact the local authority as your local procedure says.</source>
        <translation>Ystyriwch ef yn gynllun cyfredol a chysylltwch â&apos;r awdurdod lleol fel y dywed eich gweithdrefn leol.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DateFilterEdit</name>
    <message>
        <source>Type a day as 07-Dec-2026 or 07/12/2026, or Any. Up and Down change it by a day; Alt+Down or F4 opens a calendar.</source>
        <translation>Teipiwch ddiwrnod fel 07-Rhag-2026 neu 07/12/2026, neu Unrhyw. Mae Up a Down yn ei newid fesul diwrnod; mae Alt+Down neu F4 yn agor calendr.</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Unrhyw</translation>
    </message>
    <message>
        <source>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</source>
        <comment>the twelve short month names, space separated, as typed in a date</comment>
        <translation>Ion Chwef Maw Ebr Mai Meh Gorff Awst Medi Hyd Tach Rhag</translation>
    </message>
    <message>
        <source>Choose a day: arrows move, Enter takes it, Escape closes</source>
        <translation>Dewiswch ddiwrnod: mae&apos;r saethau&apos;n symud, mae Enter yn ei ddewis, mae Escape yn cau</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DirectoryEntryDialog</name>
    <message>
        <source>Edit local directory entry</source>
        <translation>Golygu cofnod yn y cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Add local directory entry</source>
        <translation>Ychwanegu cofnod i&apos;r cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Local authority ODS code</source>
        <translation>Cod ODS yr awdurdod lleol</translation>
    </message>
    <message>
        <source>&amp;ODS code</source>
        <translation>Cod &amp;ODS</translation>
    </message>
    <message>
        <source>Local authority email</source>
        <translation>E-bost yr awdurdod lleol</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-bost</translation>
    </message>
    <message>
        <source>Notes about this local authority</source>
        <translation>Nodiadau am yr awdurdod lleol hwn</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Nodiadau</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Cadw&apos;r cofnod</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Enter the local authority&apos;s ODS code.</source>
        <translation>Rhowch god ODS yr awdurdod lleol.</translation>
    </message>
    <message>
        <source>An ODS code is 3 to 10 letters and digits.</source>
        <translation>Mae cod ODS yn 3 i 10 o lythrennau a digidau.</translation>
    </message>
    <message>
        <source>The email address is not complete.</source>
        <translation>Nid yw&apos;r cyfeiriad e-bost yn gyflawn.</translation>
    </message>
    <message>
        <source>Entry can be saved</source>
        <translation>Gellir cadw&apos;r cofnod</translation>
    </message>
</context>
<context>
    <name>cpis::ui::HubStatusLabel</name>
    <message>
        <source>Audit hub not reached: %1 waiting</source>
        <translation>Heb gyrraedd y ganolfan archwilio: %1 yn aros</translation>
    </message>
    <message>
        <source>Audit hub: %1 waiting to be sent</source>
        <translation>Canolfan archwilio: %1 yn aros i gael eu hanfon</translation>
    </message>
    <message>
        <source>Audit hub: all sent, last at %1</source>
        <translation>Canolfan archwilio: y cyfan wedi’i anfon, yr olaf am %1</translation>
    </message>
    <message>
        <source>Audit hub: all sent</source>
        <translation>Canolfan archwilio: y cyfan wedi’i anfon</translation>
    </message>
</context>
<context>
    <name>cpis::ui::IdleWarning</name>
    <message>
        <source>CP-IS Desk is about to lock</source>
        <translation>Mae Desg CP-IS ar fin cloi</translation>
    </message>
    <message>
        <source>Idle lock warning</source>
        <translation>Rhybudd cloi segur</translation>
    </message>
    <message>
        <source>CP-IS Desk will lock in %1 seconds. Press any key to stay signed in.</source>
        <translation>Bydd Desg CP-IS yn cloi mewn %1 eiliad. Pwyswch unrhyw fysell i aros wedi mewngofnodi.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::LocalDirectoryDialog</name>
    <message>
        <source>Local directory</source>
        <translation>Cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Email addresses and notes for local authorities, kept encrypted on this computer. The national CP-IS record does not carry them; plan cards show them labelled &quot;local directory&quot;.</source>
        <translation>Cyfeiriadau e-bost a nodiadau ar gyfer awdurdodau lleol, wedi&apos;u cadw wedi&apos;u hamgryptio ar y cyfrifiadur hwn. Nid yw&apos;r cofnod CP-IS cenedlaethol yn eu cynnwys; mae cardiau cynllun yn eu dangos gyda&apos;r label &quot;cyfeiriadur lleol&quot;.</translation>
    </message>
    <message>
        <source>&amp;Local authorities</source>
        <translation>&amp;Awdurdodau lleol</translation>
    </message>
    <message>
        <source>Local directory entries</source>
        <translation>Cofnodion y cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Enter edits the selected entry, Delete removes it, Insert adds one.</source>
        <translation>Mae Enter yn golygu&apos;r cofnod a ddewiswyd, Delete yn ei ddileu, Insert yn ychwanegu un.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ychwanegu…</translation>
    </message>
    <message>
        <source>Add a local directory entry</source>
        <translation>Ychwanegu cofnod i&apos;r cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Golygu…</translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation>Golygu&apos;r cofnod a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Tynnu</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>Tynnu&apos;r cofnod a ddewiswyd</translation>
    </message>
    <message>
        <source>Close the local directory</source>
        <translation>Cau&apos;r cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>The local directory could not be read</source>
        <translation>Nid oedd modd darllen y cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Heb ei ychwanegu</translation>
    </message>
    <message>
        <source>%1 is already in the directory: edit it instead.</source>
        <translation>Mae %1 yn y cyfeiriadur yn barod: golygwch ef yn lle hynny.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Heb ei gadw</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Heb ei dynnu</translation>
    </message>
    <message>
        <source>Local &amp;directory…</source>
        <translation>Cyfeiriadur &amp;lleol…</translation>
    </message>
</context>
<context>
    <name>cpis::ui::LocalDirectoryModel</name>
    <message>
        <source>ODS code</source>
        <translation>Cod ODS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
</context>
<context>
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>TRAINING: synthetic data</source>
        <translation>HYFFORDDIANT: data synthetig</translation>
    </message>
    <message>
        <source>Training mode: all data is synthetic</source>
        <translation>Modd hyfforddi: mae&apos;r holl ddata yn synthetig</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Cyfeiriad y gwasanaeth</translation>
    </message>
    <message>
        <source>Training sandbox at %1</source>
        <translation>Blwch tywod hyfforddi yn %1</translation>
    </message>
    <message>
        <source>Sign in to use CP-IS Desk.</source>
        <translation>Mewngofnodwch i ddefnyddio Desg CP-IS.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Heb fewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desg</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Cloi</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Gosodiadau…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ymadael</translation>
    </message>
    <message>
        <source>Signed in: %1 · %2 · %3</source>
        <translation>Wedi mewngofnodi: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signed out. Sign in to use CP-IS Desk.</source>
        <translation>Wedi allgofnodi. Mewngofnodwch i ddefnyddio Desg CP-IS.</translation>
    </message>
    <message>
        <source>Warning: could not write to the audit log: %1</source>
        <translation>Rhybudd: nid oedd modd ysgrifennu i&apos;r log archwilio: %1</translation>
    </message>
    <message>
        <source>Desk functions</source>
        <translation>Swyddogaethau&apos;r ddesg</translation>
    </message>
    <message>
        <source>CP-IS Desk: TRAINING (synthetic data)</source>
        <translation>Desg CP-IS: HYFFORDDIANT (data synthetig)</translation>
    </message>
    <message>
        <source>CP-IS Desk: %1</source>
        <translation>Desg CP-IS: %1</translation>
    </message>
    <message>
        <source>Profile %1 (%2): PDS at %3</source>
        <translation>Proffil %1 (%2): PDS yn %3</translation>
    </message>
    <message>
        <source>Scheduled care (GP in hours, 0-19 services)</source>
        <translation>Gofal wedi&apos;i drefnu (meddyg teulu yn ystod oriau, gwasanaethau 0-19)</translation>
    </message>
    <message>
        <source>Unscheduled care (emergency, walk-in, maternity, out of hours)</source>
        <translation>Gofal heb ei drefnu (argyfwng, galw heibio, mamolaeth, y tu allan i oriau)</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>Wedi cloi gan %1</translation>
    </message>
    <message>
        <source>Locked at %1 by %2 (%3). CP-IS Desk is locked: sign in again to continue.</source>
        <translation>Wedi cloi am %1 gan %2 (%3). Mae Desg CP-IS wedi cloi: mewngofnodwch eto i barhau.</translation>
    </message>
    <message>
        <source>Audit not anchored: look-ups are recorded, but the keychain could not save the audit anchor. Unlock the keychain.</source>
        <translation>Archwiliad heb ei angori: mae chwiliadau&apos;n cael eu cofnodi, ond ni allai&apos;r gadwyn allweddi gadw angor yr archwiliad. Datglowch y gadwyn allweddi.</translation>
    </message>
    <message>
        <source>Your role (%1) is given no CP-IS Desk screen here, so the desk shows nothing. Sign in with another role, or ask your administrator which roles see which screens.</source>
        <translation>Nid yw eich rôl (%1) yn cael unrhyw sgrin Desg CP-IS yma, felly nid yw&apos;r ddesg yn dangos dim. Mewngofnodwch gyda rôl arall, neu gofynnwch i&apos;ch gweinyddwr pa rolau sy&apos;n gweld pa sgriniau.</translation>
    </message>
    <message>
        <source>Signed out: this desk holds none of your tokens. The sign-in service could not be told: %1</source>
        <translation>Wedi allgofnodi: nid yw&apos;r ddesg hon yn cadw dim o&apos;ch tocynnau. Nid oedd modd dweud wrth y gwasanaeth mewngofnodi: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NhsNumberEdit</name>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Type or paste a 10-digit NHS number, then press Enter.</source>
        <translation>Teipiwch neu gludwch rif GIG 10 digid, yna pwyswch Enter.</translation>
    </message>
    <message>
        <source>NHS number, e.g. 943 476 5919</source>
        <translation>Rhif GIG, e.e. 943 476 5919</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NoticeModel</name>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>Chwiliwyd</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>LA child id</source>
        <translation>ID plentyn yr ALl</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Cynllun</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Safle</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Cydnabuwyd</translation>
    </message>
    <message>
        <source>Just arrived: %1</source>
        <translation>Newydd gyrraedd: %1</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Dim modd ei ddarllen</translation>
    </message>
    <message>
        <source>Delivery error</source>
        <translation>Gwall danfon</translation>
    </message>
    <message>
        <source>A notice could not be read (MESH message %1)</source>
        <translation>Nid oedd modd darllen hysbysiad (neges MESH %1)</translation>
    </message>
    <message>
        <source>MESH delivery error (message %1)</source>
        <translation>Gwall danfon MESH (neges %1)</translation>
    </message>
    <message>
        <source>System %1</source>
        <translation>System %1</translation>
    </message>
    <message>
        <source>System %1 for %2, %3</source>
        <translation>System %1 ar ran %2, %3</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NoticesView</name>
    <message>
        <source>&amp;Notices</source>
        <translation>H&amp;ysbysiadau</translation>
    </message>
    <message>
        <source>Attendance notices</source>
        <translation>Hysbysiadau presenoldeb</translation>
    </message>
    <message>
        <source>Checking for notices…</source>
        <translation>Yn chwilio am hysbysiadau…</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Gwirio nawr</translation>
    </message>
    <message>
        <source>Check for new notices now</source>
        <translation>Gwirio am hysbysiadau newydd nawr</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Wedi&apos;u cydnabod</translation>
    </message>
    <message>
        <source>Show new or acknowledged notices</source>
        <translation>Dangos hysbysiadau newydd neu rai wedi&apos;u cydnabod</translation>
    </message>
    <message>
        <source>NHS number or LA child id</source>
        <translation>Rhif GIG neu ID plentyn yr ALl</translation>
    </message>
    <message>
        <source>Filter by child: NHS number or local authority child id</source>
        <translation>Hidlo yn ôl plentyn: rhif GIG neu ID plentyn yr awdurdod lleol</translation>
    </message>
    <message>
        <source>Looked up on or after</source>
        <translation>Chwiliwyd ar neu ar ôl</translation>
    </message>
    <message>
        <source>Looked up on or before</source>
        <translation>Chwiliwyd ar neu cyn</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>Hidlo yn ôl safle</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Pob safle</translation>
    </message>
    <message>
        <source>C&amp;hild:</source>
        <translation>&amp;Plentyn:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;O:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;I:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Safle:</translation>
    </message>
    <message>
        <source>Notice detail</source>
        <translation>Manylion yr hysbysiad</translation>
    </message>
    <message>
        <source>NHS number:</source>
        <translation>Rhif GIG:</translation>
    </message>
    <message>
        <source>LA child id:</source>
        <translation>ID plentyn yr ALl:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Cynllun:</translation>
    </message>
    <message>
        <source>Looked up:</source>
        <translation>Chwiliwyd:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Gan:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôl:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Safle:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Derbyniwyd:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Cydnabuwyd:</translation>
    </message>
    <message>
        <source>&amp;Acknowledge (Ctrl+K)</source>
        <translation>Cydna&amp;bod (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected notice</source>
        <translation>Cydnabod yr hysbysiad a ddewiswyd</translation>
    </message>
    <message>
        <source>Acknowledgement status</source>
        <translation>Statws y cydnabod</translation>
    </message>
    <message>
        <source>The stored notices could not be read: %1</source>
        <translation>Nid oedd modd darllen yr hysbysiadau sydd wedi&apos;u storio: %1</translation>
    </message>
    <message>
        <source>New (%1)</source>
        <translation>Newydd (%1)</translation>
    </message>
    <message>
        <source>Acknowledged (%1)</source>
        <translation>Wedi&apos;u cydnabod (%1)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>byth</translation>
    </message>
    <message>
        <source>Last checked: %1</source>
        <translation>Gwiriwyd ddiwethaf: %1</translation>
    </message>
    <message>
        <source>Could not check for new notices at %1: %2 Last successful check: %3. New notices may be missing from this list. Next try in %4 min.</source>
        <translation>Nid oedd modd gwirio am hysbysiadau newydd am %1: %2 Y gwiriad llwyddiannus diwethaf: %3. Efallai fod hysbysiadau newydd ar goll o&apos;r rhestr hon. Rhoddir cynnig arall ymhen %4 mun.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>Desg CP-IS</translation>
    </message>
    <message numerus="yes">
        <source>%n new attendance notice(s)</source>
        <translation>
            <numerusform>%n hysbysiad presenoldeb newydd</numerusform>
            <numerusform>%n hysbysiad presenoldeb newydd</numerusform>
            <numerusform>%n hysbysiad presenoldeb newydd</numerusform>
            <numerusform>%n hysbysiad presenoldeb newydd</numerusform>
            <numerusform>%n hysbysiad presenoldeb newydd</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 gan %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ddim eto</translation>
    </message>
    <message>
        <source>Warning: opening this notice could not be recorded in the audit log: %1</source>
        <translation>Rhybudd: nid oedd modd cofnodi agor yr hysbysiad hwn yn y log archwilio: %1</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>Cydnabuwyd.</translation>
    </message>
    <message>
        <source>Downloading a message from the mailbox</source>
        <translation>Yn llwytho neges i lawr o&apos;r blwch post</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>Atal y llwytho i lawr</translation>
    </message>
    <message>
        <source>Select a notice and press Enter (or double-click it) to open it here.</source>
        <translation>Dewiswch hysbysiad a phwyswch Enter (neu cliciwch ddwywaith arno) i&apos;w agor yma.</translation>
    </message>
    <message>
        <source>Not a day the desk can read: %1. Type it as 07-Dec-2026 or 07/12/2026, or Any.</source>
        <translation>Nid yw hwn yn ddiwrnod y gall y ddesg ei ddarllen: %1. Teipiwch ef fel 07-Rhag-2026 neu 07/12/2026, neu Unrhyw.</translation>
    </message>
    <message>
        <source>%1 MB, part %2 of %3</source>
        <translation>%1 MB, rhan %2 o %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) arrived that nobody has opened here yet</source>
        <translation>
            <numerusform>%n hysbysiad wedi cyrraedd nad oes neb wedi&apos;i agor yma eto</numerusform>
            <numerusform>%n hysbysiad wedi cyrraedd nad oes neb wedi&apos;i agor yma eto</numerusform>
            <numerusform>%n hysbysiad wedi cyrraedd nad oes neb wedi&apos;i agor yma eto</numerusform>
            <numerusform>%n hysbysiad wedi cyrraedd nad oes neb wedi&apos;i agor yma eto</numerusform>
            <numerusform>%n hysbysiad wedi cyrraedd nad oes neb wedi&apos;i agor yma eto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n new) %1</source>
        <translation>
            <numerusform>(%n newydd) %1</numerusform>
            <numerusform>(%n newydd) %1</numerusform>
            <numerusform>(%n newydd) %1</numerusform>
            <numerusform>(%n newydd) %1</numerusform>
            <numerusform>(%n newydd) %1</numerusform>
        </translation>
    </message>
    <message>
        <source>LA child id %1</source>
        <translation>ID plentyn yr ALl %1</translation>
    </message>
    <message>
        <source>NHS No. %1</source>
        <translation>Rhif GIG %1</translation>
    </message>
    <message>
        <source>notice for %1 looked up %2</source>
        <translation>hysbysiad ar gyfer %1 a chwiliwyd %2</translation>
    </message>
    <message>
        <source>A notice could not be read (MESH message %1)</source>
        <translation>Nid oedd modd darllen hysbysiad (neges MESH %1)</translation>
    </message>
    <message>
        <source>MESH delivery error (message %1)</source>
        <translation>Gwall danfon MESH (neges %1)</translation>
    </message>
    <message>
        <source>System %1</source>
        <translation>System %1</translation>
    </message>
    <message>
        <source>Open the selected notice (Enter) before acknowledging it.</source>
        <translation>Agorwch yr hysbysiad a ddewiswyd (Enter) cyn ei gydnabod.</translation>
    </message>
    <message>
        <source>Acknowledging the %1…</source>
        <translation>Yn cydnabod yr %1…</translation>
    </message>
    <message>
        <source>Acknowledged: %1.</source>
        <translation>Cydnabuwyd: %1.</translation>
    </message>
    <message>
        <source>About the %1: %2</source>
        <translation>Ynghylch yr %1: %2</translation>
    </message>
    <message>
        <source>Stop downloading the message</source>
        <translation>Stopio llwytho&apos;r neges i lawr</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientBanner</name>
    <message>
        <source>Patient banner</source>
        <translation>Baner y claf</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ganwyd</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>The NHS number %1 has been replaced by %2. Use the new number from now on.</source>
        <translation>Mae %2 wedi disodli&apos;r rhif GIG %1. Defnyddiwch y rhif newydd o hyn ymlaen.</translation>
    </message>
    <message>
        <source>%1, born %2, gender %3, NHS number %4</source>
        <translation>%1, ganwyd %2, rhywedd %3, rhif GIG %4</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Bu farw</translation>
    </message>
    <message>
        <source>Temporary address: %1</source>
        <translation>Cyfeiriad dros dro: %1</translation>
    </message>
    <message>
        <source>Restricted record: address, contact details and GP practice are withheld.</source>
        <translation>Cofnod cyfyngedig: mae&apos;r cyfeiriad, y manylion cyswllt a&apos;r practis meddyg teulu wedi&apos;u dal yn ôl.</translation>
    </message>
    <message>
        <source>Very restricted record: address, contact details and GP practice are withheld.</source>
        <translation>Cofnod cyfyngedig iawn: mae&apos;r cyfeiriad, y manylion cyswllt a&apos;r practis meddyg teulu wedi&apos;u dal yn ôl.</translation>
    </message>
    <message>
        <source>%1, born %2, died %3, gender %4, NHS number %5</source>
        <translation>%1, ganwyd %2, bu farw %3, rhywedd %4, rhif GIG %5</translation>
    </message>
    <message>
        <source>FROM THE OFFLINE COPY of %1: PDS could not be reached, so this banner is not today&apos;s trace. Check it with extra care.</source>
        <translation>O&apos;R COPI ALL-LEIN o %1: nid oedd modd cyrraedd PDS, felly nid olrhain heddiw yw&apos;r faner hon. Gwiriwch hi&apos;n ofalus iawn.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientCandidateModel</name>
    <message>
        <source>Withheld (restricted record)</source>
        <translation>Wedi&apos;i atal (cofnod cyfyngedig)</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Cyfatebiaeth</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ganwyd</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Rhyw</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>Rhif GIG</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientSearchPanel</name>
    <message>
        <source>Find a patient by their details</source>
        <translation>Dod o hyd i glaf yn ôl ei fanylion</translation>
    </message>
    <message>
        <source>No NHS number? Search PDS by the person&apos;s details. Spelling may be approximate; day and month may be swapped.</source>
        <translation>Dim rhif GIG? Chwiliwch PDS yn ôl manylion y person. Gall y sillafu fod yn fras; gall y diwrnod a&apos;r mis fod wedi&apos;u cyfnewid.</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Cyfenw</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Enw cyntaf</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Rhyw</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>&amp;Rhyw</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Dyddiad geni</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/bbbb</translation>
    </message>
    <message>
        <source>or &amp;age in years</source>
        <translation>neu &amp;oed mewn blynyddoedd</translation>
    </message>
    <message>
        <source>Age in years, or a range of ages</source>
        <translation>Oed mewn blynyddoedd, neu ystod o oedrannau</translation>
    </message>
    <message>
        <source>e.g. 7 or 6-8</source>
        <translation>e.e. 7 neu 6-8</translation>
    </message>
    <message>
        <source>&amp;Postcode (optional)</source>
        <translation>C&amp;od post (dewisol)</translation>
    </message>
    <message>
        <source>Postcode, optional</source>
        <translation>Cod post, dewisol</translation>
    </message>
    <message>
        <source>Search PDS (Enter)</source>
        <translation>Chwilio PDS (Enter)</translation>
    </message>
    <message>
        <source>Search PDS by these details</source>
        <translation>Chwilio PDS yn ôl y manylion hyn</translation>
    </message>
    <message>
        <source>Searching PDS</source>
        <translation>Yn chwilio PDS</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Canslo (Esc)</translation>
    </message>
    <message>
        <source>Cancel the search</source>
        <translation>Canslo&apos;r chwiliad</translation>
    </message>
    <message>
        <source>Candidates, best match first</source>
        <translation>Ymgeiswyr, y gyfatebiaeth orau&apos;n gyntaf</translation>
    </message>
    <message>
        <source>Enter looks up the selected person&apos;s NHS number.</source>
        <translation>Mae Enter yn chwilio am rif GIG y person a ddewiswyd.</translation>
    </message>
    <message>
        <source>Enter a date of birth or an age, not both.</source>
        <translation>Rhowch ddyddiad geni neu oed, nid y ddau.</translation>
    </message>
    <message>
        <source>The date of birth is not a date: type it as dd/mm/yyyy.</source>
        <translation>Nid yw&apos;r dyddiad geni yn ddyddiad: teipiwch ef fel dd/mm/bbbb.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>Mae&apos;r dyddiad geni yn y dyfodol.</translation>
    </message>
    <message>
        <source>The age is not a number of years or a range such as 6-8.</source>
        <translation>Nid yw&apos;r oed yn nifer o flynyddoedd nac yn ystod fel 6-8.</translation>
    </message>
    <message>
        <source>Enter a date of birth or an age.</source>
        <translation>Rhowch ddyddiad geni neu oed.</translation>
    </message>
    <message>
        <source>The age range ends before it starts.</source>
        <translation>Mae&apos;r ystod oedran yn dod i ben cyn iddi ddechrau.</translation>
    </message>
    <message>
        <source>A name can be at most 35 characters.</source>
        <translation>Gall enw fod yn 35 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>Enter the family name and the given name, or one of them with the sex and the postcode.</source>
        <translation>Rhowch y cyfenw a&apos;r enw cyntaf, neu un ohonynt gyda&apos;r rhyw a&apos;r cod post.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Heb chwilio: %1</translation>
    </message>
    <message>
        <source>Searching PDS…</source>
        <translation>Yn chwilio PDS…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Canslwyd y chwiliad.</translation>
    </message>
    <message>
        <source>Nobody matched. Check the spelling, try an age range instead of a date of birth, or add the postcode.</source>
        <translation>Nid oedd neb yn cyfateb. Gwiriwch y sillafu, rhowch gynnig ar ystod oedran yn lle dyddiad geni, neu ychwanegwch y cod post.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s), best match first. Enter on one looks up their NHS number.</source>
        <translation>
            <numerusform>%n ymgeisydd, y gyfatebiaeth orau&apos;n gyntaf. Mae Enter ar un yn chwilio am ei rif GIG.</numerusform>
            <numerusform>%n ymgeisydd, y gyfatebiaeth orau&apos;n gyntaf. Mae Enter ar un yn chwilio am ei rif GIG.</numerusform>
            <numerusform>%n ymgeisydd, y gyfatebiaeth orau&apos;n gyntaf. Mae Enter ar un yn chwilio am ei rif GIG.</numerusform>
            <numerusform>%n ymgeisydd, y gyfatebiaeth orau&apos;n gyntaf. Mae Enter ar un yn chwilio am ei rif GIG.</numerusform>
            <numerusform>%n ymgeisydd, y gyfatebiaeth orau&apos;n gyntaf. Mae Enter ar un yn chwilio am ei rif GIG.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many matches: add details (given name, sex, postcode or an exact date of birth) and search again.</source>
        <translation>Gormod o gyfatebiaethau: ychwanegwch fanylion (enw cyntaf, rhyw, cod post neu union ddyddiad geni) a chwiliwch eto.</translation>
    </message>
    <message>
        <source>Could not search: PDS did not accept these details (%1).</source>
        <translation>Nid oedd modd chwilio: ni dderbyniodd PDS y manylion hyn (%1).</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ni roddwyd rheswm</translation>
    </message>
    <message>
        <source>Could not search PDS: %1</source>
        <translation>Nid oedd modd chwilio PDS: %1</translation>
    </message>
    <message>
        <source>Warning: this search could not be recorded in the audit log.</source>
        <translation>Rhybudd: nid oedd modd cofnodi&apos;r chwiliad hwn yn y log archwilio.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Statws y chwiliad</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PlanCard</name>
    <message>
        <source>Started %1</source>
        <translation>Dechreuodd %1</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Parhaus</translation>
    </message>
    <message>
        <source>ENDED %1</source>
        <translation>DAETH I BEN %1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>Yn dod i ben %1</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (wedi dod i ben)</translation>
    </message>
    <message>
        <source>Responsible local authority: %1</source>
        <translation>Awdurdod lleol cyfrifol: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
    <message>
        <source>Copy %1 number</source>
        <translation>Copïo rhif %1</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Oriau swyddfa</translation>
    </message>
    <message>
        <source>Emergency duty (out of hours)</source>
        <translation>Dyletswydd argyfwng (y tu allan i oriau)</translation>
    </message>
    <message>
        <source>From this site&apos;s local directory (not in the national record):</source>
        <translation>O gyfeiriadur lleol y safle hwn (nid yw yn y cofnod cenedlaethol):</translation>
    </message>
    <message>
        <source>Email (local directory)</source>
        <translation>E-bost (cyfeiriadur lleol)</translation>
    </message>
    <message>
        <source>Email from local directory: %1</source>
        <translation>E-bost o&apos;r cyfeiriadur lleol: %1</translation>
    </message>
    <message>
        <source>Copy local directory email</source>
        <translation>Copïo&apos;r e-bost o&apos;r cyfeiriadur lleol</translation>
    </message>
    <message>
        <source>Local directory email %1.</source>
        <translation>E-bost y cyfeiriadur lleol %1.</translation>
    </message>
    <message>
        <source>Notes (local directory)</source>
        <translation>Nodiadau (cyfeiriadur lleol)</translation>
    </message>
    <message>
        <source>Notes from local directory: %1</source>
        <translation>Nodiadau o&apos;r cyfeiriadur lleol: %1</translation>
    </message>
    <message>
        <source>Local directory notes: %1</source>
        <translation>Nodiadau&apos;r cyfeiriadur lleol: %1</translation>
    </message>
    <message>
        <source>The local directory could not be read: %1</source>
        <translation>Nid oedd modd darllen y cyfeiriadur lleol: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Wedi&apos;i gopïo</translation>
    </message>
    <message>
        <source>Plan type not known to this desk: contact the local authority.</source>
        <translation>Math o gynllun nad yw&apos;r ddesg hon yn ei adnabod: cysylltwch â&apos;r awdurdod lleol.</translation>
    </message>
    <message>
        <source>Record this desk cannot display</source>
        <translation>Cofnod na all y ddesg hon ei ddangos</translation>
    </message>
    <message>
        <source>The responsible local authority&apos;s contacts could not be read from CP-IS&apos;s answer.</source>
        <translation>Nid oedd modd darllen manylion cyswllt yr awdurdod lleol cyfrifol o ateb CP-IS.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ReviewQueueModel</name>
    <message>
        <source>To review</source>
        <translation>I&apos;w adolygu</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <source>No further action</source>
        <translation>Dim camau pellach</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (by %2, %3)</source>
        <translation>%1 (gan %2, %3)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Cynlluniau</translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation>Awdurdod lleol</translation>
    </message>
    <message>
        <source>Who looked</source>
        <translation>Pwy edrychodd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ReviewView</name>
    <message>
        <source>Review of CP-IS positives at %1</source>
        <translation>Adolygiad o ganlyniadau CP-IS positif yn %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Adnewyddu</translation>
    </message>
    <message>
        <source>Refresh the review queue</source>
        <translation>Adnewyddu&apos;r ciw adolygu</translation>
    </message>
    <message>
        <source>Read the site&apos;s positives again (F5)</source>
        <translation>Darllen canlyniadau positif y safle eto (F5)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Show positives with status</source>
        <translation>Dangos canlyniadau positif â&apos;r statws</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Dan&amp;gos:</translation>
    </message>
    <message>
        <source>CP-IS positives at this site</source>
        <translation>Canlyniadau CP-IS positif yn y safle hwn</translation>
    </message>
    <message>
        <source>Newest first. Up and Down choose a positive; Tab moves to its status and note.</source>
        <translation>Y mwyaf diweddar yn gyntaf. Mae Up a Down yn dewis canlyniad positif; mae Tab yn symud i&apos;w statws a&apos;i nodyn.</translation>
    </message>
    <message>
        <source>Status of the selected positive</source>
        <translation>Statws y canlyniad positif a ddewiswyd</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Statws:</translation>
    </message>
    <message>
        <source>Note on the selected positive</source>
        <translation>Nodyn ar y canlyniad positif a ddewiswyd</translation>
    </message>
    <message>
        <source>What was done, and by whom</source>
        <translation>Beth a wnaed, a chan bwy</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Save the status and note</source>
        <translation>Cadw&apos;r statws a&apos;r nodyn</translation>
    </message>
    <message>
        <source>Save the status and note (Ctrl+S)</source>
        <translation>Cadw&apos;r statws a&apos;r nodyn (Ctrl+S)</translation>
    </message>
    <message>
        <source>Positives per day, last %1 days</source>
        <translation>Canlyniadau positif y dydd, y %1 diwrnod diwethaf</translation>
    </message>
    <message>
        <source>Chart of positives per day</source>
        <translation>Siart o ganlyniadau positif y dydd</translation>
    </message>
    <message>
        <source>The review queue could not be read from this computer&apos;s store: %1</source>
        <translation>Nid oedd modd darllen y ciw adolygu o storfa&apos;r cyfrifiadur hwn: %1</translation>
    </message>
    <message>
        <source>Last refreshed %1</source>
        <translation>Adnewyddwyd ddiwethaf %1</translation>
    </message>
    <message>
        <source>Never refreshed</source>
        <translation>Heb ei adnewyddu erioed</translation>
    </message>
    <message>
        <source>Positives</source>
        <translation>Canlyniadau positif</translation>
    </message>
    <message>
        <source>%1 positives over the last %2 days; the busiest day was %3 with %4.</source>
        <translation>%1 canlyniad positif dros y %2 diwrnod diwethaf; y diwrnod prysuraf oedd %3 gyda %4.</translation>
    </message>
    <message>
        <source>No positives over the last %1 days.</source>
        <translation>Dim canlyniadau positif dros y %1 diwrnod diwethaf.</translation>
    </message>
    <message>
        <source>The status was not saved: %1</source>
        <translation>Ni chadwyd y statws: %1</translation>
    </message>
    <message>
        <source>No positive selected</source>
        <translation>Dim canlyniad positif wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Editing %1 (%2):</source>
        <translation>Yn golygu %1 (%2):</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Statws %1</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Nodyn ar %1</translation>
    </message>
    <message>
        <source>Review needs the trust&apos;s audit hub, where the site&apos;s positives are kept. This desk is not set up to use one, so there is no queue to show.</source>
        <translation>Mae angen canolfan archwilio&apos;r ymddiriedolaeth ar gyfer adolygu, lle cedwir canlyniadau positif y safle. Nid yw&apos;r ddesg hon wedi&apos;i gosod i ddefnyddio un, felly nid oes ciw i&apos;w ddangos.</translation>
    </message>
    <message>
        <source>No audit hub</source>
        <translation>Dim canolfan archwilio</translation>
    </message>
    <message>
        <source>Review unavailable since %1 (%2). The queue below is as of %3.</source>
        <translation>Nid yw adolygu ar gael ers %1 (%2). Mae&apos;r ciw isod fel yr oedd am %3.</translation>
    </message>
    <message>
        <source>Review unavailable since %1 (%2). The site&apos;s positives could not be read: this is not an empty queue.</source>
        <translation>Nid yw adolygu ar gael ers %1 (%2). Nid oedd modd darllen canlyniadau positif y safle: nid ciw gwag yw hwn.</translation>
    </message>
    <message>
        <source>Saved: %1 → %2</source>
        <translation>Wedi cadw: %1 → %2</translation>
    </message>
    <message>
        <source>Every plan type</source>
        <translation>Pob math o gynllun</translation>
    </message>
    <message>
        <source>Show positives with plan type</source>
        <translation>Dangos canlyniadau positif â&apos;r math o gynllun</translation>
    </message>
    <message>
        <source>&amp;Plan type:</source>
        <translation>&amp;Math o gynllun:</translation>
    </message>
</context>
<context>
    <name>cpis::ui::SettingsDialog</name>
    <message>
        <source>CP-IS Desk settings</source>
        <translation>Gosodiadau Desg CP-IS</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Amgylchedd</translation>
    </message>
    <message>
        <source>Lock after minutes idle</source>
        <translation>Cloi ar ôl munudau segur</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mun</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for</source>
        <translation>&amp;Cloi pan yn segur am</translation>
    </message>
    <message>
        <source>Keep offline answers for hours</source>
        <translation>Cadw atebion all-lein am oriau</translation>
    </message>
    <message>
        <source> h</source>
        <translation> awr</translation>
    </message>
    <message>
        <source>&amp;Keep offline answers for</source>
        <translation>Cadw atebion all-lein a&amp;m</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>Math o safle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Iaith y system</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Cadw&apos;r gosodiadau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Service profile</source>
        <translation>Proffil gwasanaeth</translation>
    </message>
    <message>
        <source>training (built-in sandbox, synthetic data)</source>
        <translation>hyfforddiant (blwch tywod adeiledig, data synthetig)</translation>
    </message>
    <message>
        <source>Service &amp;profile</source>
        <translation>&amp;Proffil gwasanaeth</translation>
    </message>
    <message>
        <source>The profiles, their addresses and the site type are set by your administrator in %1.</source>
        <translation>Mae&apos;r proffiliau, eu cyfeiriadau a&apos;r math o safle wedi&apos;u gosod gan eich gweinyddwr yn %1.</translation>
    </message>
    <message>
        <source>The idle lock changes at once; the profile, retention and language when CP-IS Desk next starts.</source>
        <translation>Mae&apos;r clo segur yn newid ar unwaith; y proffil, y cadw a&apos;r iaith pan fydd CP-IS Desk yn cychwyn nesaf.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::SignInDialog</name>
    <message>
        <source>Sign in to CP-IS Desk</source>
        <translation>Mewngofnodi i Ddesg CP-IS</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>TRAINING: synthetic data. Choose a test user and press Enter.</source>
        <translation>HYFFORDDIANT: data synthetig. Dewiswch ddefnyddiwr prawf a phwyswch Enter.</translation>
    </message>
    <message>
        <source>Test users</source>
        <translation>Defnyddwyr prawf</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Sign in with your NHS smartcard or security key. The sign-in page opens in your web browser.</source>
        <translation>Mewngofnodwch gyda&apos;ch cerdyn clyfar GIG neu&apos;ch allwedd ddiogelwch. Mae&apos;r dudalen fewngofnodi yn agor yn eich porwr gwe.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Open sign-in page</source>
        <translation>&amp;Agor y dudalen fewngofnodi</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Canslo&apos;r mewngofnodi</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Methodd y mewngofnodi: %1</translation>
    </message>
    <message>
        <source>The desk was locked by %1 (%2). Sign in again to continue, or sign in as someone else to start afresh.</source>
        <translation>Cafodd y ddesg ei chloi gan %1 (%2). Mewngofnodwch eto i barhau, neu mewngofnodwch fel rhywun arall i ddechrau o&apos;r newydd.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::TriageView</name>
    <message>
        <source>&amp;Look-up</source>
        <translation>&amp;Chwilio</translation>
    </message>
    <message>
        <source>&amp;NHS No.</source>
        <translation>&amp;Rhif GIG</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Heb chwilio: %1</translation>
    </message>
    <message>
        <source>CP-IS section</source>
        <translation>Adran CP-IS</translation>
    </message>
    <message>
        <source>Check the banner against the person in front of you before you read CP-IS.</source>
        <translation>Gwiriwch y faner yn erbyn y person sydd o&apos;ch blaen cyn i chi ddarllen CP-IS.</translation>
    </message>
    <message>
        <source>Banner matches the person (Ctrl+Enter)</source>
        <translation>Mae&apos;r faner yn cyfateb i&apos;r person (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Confirm the banner matches the person in front of me</source>
        <translation>Cadarnhau bod y faner yn cyfateb i&apos;r person sydd o&apos;m blaen</translation>
    </message>
    <message>
        <source>&amp;Training scenarios (synthetic)</source>
        <translation>Senarios &amp;hyfforddi (synthetig)</translation>
    </message>
    <message>
        <source>Enter on a line puts its number in the NHS No. field.</source>
        <translation>Mae Enter ar linell yn rhoi ei rhif yn y maes Rhif GIG.</translation>
    </message>
    <message>
        <source>Training scenario NHS numbers</source>
        <translation>Rhifau GIG y senarios hyfforddi</translation>
    </message>
    <message>
        <source>Warning: this look-up could not be recorded in the audit log.</source>
        <translation>Rhybudd: nid oedd modd cofnodi&apos;r chwiliad hwn yn y log archwilio.</translation>
    </message>
    <message>
        <source>Look-up status</source>
        <translation>Statws y chwiliad</translation>
    </message>
    <message>
        <source>No number? Find by details (Ctrl+F)</source>
        <translation>Dim rhif? Dod o hyd yn ôl manylion (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find the patient by their details</source>
        <translation>Dod o hyd i&apos;r claf yn ôl ei fanylion</translation>
    </message>
    <message>
        <source>Type or paste the ten digits and press Enter. Escape cancels and clears.</source>
        <translation>Teipiwch neu gludwch y deg digid a phwyso Enter. Mae Escape yn canslo ac yn clirio.</translation>
    </message>
    <message>
        <source>Not this person (Ctrl+Shift+N)</source>
        <translation>Nid y person hwn (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Not this person: record it and ask CP-IS nothing</source>
        <translation>Nid y person hwn: ei gofnodi a pheidio â gofyn dim i CP-IS</translation>
    </message>
    <message>
        <source>Tracing NHS No. %1 on PDS…</source>
        <translation>Yn olrhain Rhif GIG %1 ar PDS…</translation>
    </message>
    <message>
        <source>Reading the offline copy for NHS No. %1…</source>
        <translation>Yn darllen y copi all-lein ar gyfer Rhif GIG %1…</translation>
    </message>
    <message>
        <source>Asking CP-IS about NHS No. %1…</source>
        <translation>Yn holi CP-IS am Rhif GIG %1…</translation>
    </message>
    <message>
        <source>Not this person: recorded. CP-IS was not asked. Check the number with the person and try again.</source>
        <translation>Nid y person hwn: wedi&apos;i gofnodi. Ni holwyd CP-IS. Gwiriwch y rhif gyda&apos;r person a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Not this person. CP-IS was not asked. Warning: this could not be recorded in the audit log.</source>
        <translation>Nid y person hwn. Ni holwyd CP-IS. Rhybudd: nid oedd modd cofnodi hyn yn y log archwilio.</translation>
    </message>
    <message>
        <source>Look-up cancelled: nothing from it will be shown.</source>
        <translation>Chwiliad wedi&apos;i ganslo: ni fydd dim ohono&apos;n cael ei ddangos.</translation>
    </message>
    <message>
        <source>Not a valid NHS number: %1</source>
        <translation>Nid yw&apos;n rhif GIG dilys: %1</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Not Known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <source>%1w</source>
        <translation>%1w</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1y</source>
        <translation>%1b</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
    <message>
        <source>Died %1</source>
        <translation>Bu farw %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Child Protection - Information Sharing desk client.</source>
        <translation>Cleient desg Amddiffyn Plant - Rhannu Gwybodaeth.</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with synthetic data.</source>
        <translation>Rhedeg yn erbyn y blwch tywod adeiledig gyda data synthetig.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>Desg CP-IS</translation>
    </message>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>Nid oedd modd cychwyn y blwch tywod hyfforddi: %1</translation>
    </message>
    <message>
        <source>Folder of the encrypted store.</source>
        <translation>Ffolder y storfa wedi&apos;i hamgryptio.</translation>
    </message>
    <message>
        <source>The secure store could not be opened: %1

CP-IS Desk needs an unlocked system keychain to protect its data, and will not run without one. Nothing was changed.</source>
        <translation>Nid oedd modd agor y storfa ddiogel: %1

Mae Desg CP-IS angen cadwyn allweddi system sydd wedi&apos;i datgloi i ddiogelu ei data, ac ni fydd yn rhedeg heb un. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Adolyg&amp;u</translation>
    </message>
    <message>
        <source>A&amp;rea list</source>
        <translation>Rhes&amp;tr ardal</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings cannot be used: %1</source>
        <translation>Ni ellir defnyddio gosodiadau&apos;r gweinyddwr: %1</translation>
    </message>
    <message>
        <source>Training mode is not allowed here: %1</source>
        <translation>Ni chaniateir modd hyfforddi yma: %1</translation>
    </message>
    <message>
        <source>The service profile cannot be used: %1

Nothing was sent. Ask your administrator.</source>
        <translation>Ni ellir defnyddio&apos;r proffil gwasanaeth: %1

Ni anfonwyd dim. Gofynnwch i&apos;ch gweinyddwr.</translation>
    </message>
    <message>
        <source>This store is already open in another program: %1

Close the other CP-IS Desk or cpis first. Nothing was changed.</source>
        <translation>Mae&apos;r storfa hon eisoes ar agor mewn rhaglen arall: %1

Caewch y Ddesg CP-IS arall neu cpis yn gyntaf. Ni newidiwyd dim.</translation>
    </message>
    <message>
        <source>Look this NHS number up in the desk already running (or in this one, after sign-in).</source>
        <translation>Chwilio am y rhif GIG hwn yn y ddesg sydd eisoes yn rhedeg (neu yn yr un hon, ar ôl mewngofnodi).</translation>
    </message>
    <message>
        <source>A cpis: link naming an NHS number, as --nhs-number does.</source>
        <translation>Dolen cpis: sy&apos;n enwi rhif GIG, fel y mae --nhs-number yn ei wneud.</translation>
    </message>
</context>
</TS>
