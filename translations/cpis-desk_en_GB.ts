<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>LookupResult</name>
    <message numerus="yes">
        <source>The national service is busy. Try again in %n second(s).</source>
        <translation>
            <numerusform>The national service is busy. Try again in %n second.</numerusform>
            <numerusform>The national service is busy. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Child Protection Plan</source>
        <translation>Child Protection Plan</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Looked After Child</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Unborn Child Protection Plan</translation>
    </message>
    <message>
        <source>The national service could not be reached.</source>
        <translation>The national service could not be reached.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>The national service did not answer in time.</translation>
    </message>
    <message>
        <source>The national service reported an error.</source>
        <translation>The national service reported an error.</translation>
    </message>
    <message>
        <source>The national service is busy. Try again shortly.</source>
        <translation>The national service is busy. Try again shortly.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to check CP-IS.</source>
        <translation>Your sign-in has expired. Sign in again to check CP-IS.</translation>
    </message>
    <message>
        <source>The national service refused access for your role.</source>
        <translation>The national service refused access for your role.</translation>
    </message>
    <message>
        <source>The national service sent an answer that could not be read.</source>
        <translation>The national service sent an answer that could not be read.</translation>
    </message>
    <message>
        <source>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</source>
        <translation>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</translation>
    </message>
    <message>
        <source>Your role does not include access to CP-IS.</source>
        <translation>Your role does not include access to CP-IS.</translation>
    </message>
    <message>
        <source>The service did not recognise the request (check the configured address).</source>
        <translation>The service did not recognise the request (check the configured address).</translation>
    </message>
    <message>
        <source>The Personal Demographics Service has invalidated the record for this NHS number and names no number in its place. Trace the person again before checking CP-IS.</source>
        <translation>The Personal Demographics Service has invalidated the record for this NHS number and names no number in its place. Trace the person again before checking CP-IS.</translation>
    </message>
    <message>
        <source>NHS number not verified on PDS: CP-IS was not asked about it.</source>
        <translation>NHS number not verified on PDS: CP-IS was not asked about it.</translation>
    </message>
    <message>
        <source>The secure connection to the national service failed: it refused this desk&apos;s certificate, or its own certificate is not trusted here. Tell your administrator.</source>
        <translation>The secure connection to the national service failed: it refused this desk&apos;s certificate, or its own certificate is not trusted here. Tell your administrator.</translation>
    </message>
</context>
<context>
    <name>NhsNumber</name>
    <message>
        <source>Enter an NHS number.</source>
        <translation>Enter an NHS number.</translation>
    </message>
    <message>
        <source>An NHS number has only digits (spaces and hyphens are allowed between them).</source>
        <translation>An NHS number has only digits (spaces and hyphens are allowed between them).</translation>
    </message>
    <message>
        <source>An NHS number has 10 digits.</source>
        <translation>An NHS number has 10 digits.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: no NHS number starts with these nine digits.</source>
        <translation>This is not a valid NHS number: no NHS number starts with these nine digits.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: the last digit does not match. Check for a typing error.</source>
        <translation>This is not a valid NHS number: the last digit does not match. Check for a typing error.</translation>
    </message>
</context>
<context>
    <name>cpis::AreaListService</name>
    <message>
        <source>The national service could not be reached.</source>
        <translation>The national service could not be reached.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>The national service did not answer in time.</translation>
    </message>
    <message>
        <source>Your sign-in has expired; sign in again.</source>
        <translation>Your sign-in has expired; sign in again.</translation>
    </message>
    <message>
        <source>Your role may not receive area lists.</source>
        <translation>Your role may not receive area lists.</translation>
    </message>
    <message>
        <source>The national service sent a list the desk could not read (%1).</source>
        <translation>The national service sent a list the desk could not read (%1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The national service could not provide the list (%1).</source>
        <translation>The national service could not provide the list (%1).</translation>
    </message>
    <message>
        <source>Asking the national service for the list…</source>
        <translation>Asking the national service for the list…</translation>
    </message>
    <message>
        <source>The national service is preparing the list…</source>
        <translation>The national service is preparing the list…</translation>
    </message>
    <message>
        <source>The encrypted store could not start the update: %1</source>
        <translation>The encrypted store could not start the update: %1</translation>
    </message>
    <message>
        <source>The list names plans of people it does not list.</source>
        <translation>The list names plans of people it does not list.</translation>
    </message>
    <message>
        <source>The encrypted store failed: %1</source>
        <translation>The encrypted store failed: %1</translation>
    </message>
    <message>
        <source>The audit log could not record the list: %1</source>
        <translation>The audit log could not record the list: %1</translation>
    </message>
    <message>
        <source>The encrypted store could not save the list: %1</source>
        <translation>The encrypted store could not save the list: %1</translation>
    </message>
    <message>
        <source>The audit log could not record the export: %1</source>
        <translation>The audit log could not record the export: %1</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
    <message>
        <source>The national service is preparing the list: %1 of %2 people</source>
        <translation>The national service is preparing the list: %1 of %2 people</translation>
    </message>
    <message>
        <source>The national service is preparing the list: %1% done</source>
        <translation>The national service is preparing the list: %1% done</translation>
    </message>
    <message>
        <source>Receiving %1 of %2 people</source>
        <translation>Receiving %1 of %2 people</translation>
    </message>
    <message>
        <source>Receiving people: %1 so far</source>
        <translation>Receiving people: %1 so far</translation>
    </message>
    <message>
        <source>Receiving %1 of %2 plans</source>
        <translation>Receiving %1 of %2 plans</translation>
    </message>
    <message>
        <source>Receiving plans: %1 so far</source>
        <translation>Receiving plans: %1 so far</translation>
    </message>
    <message>
        <source>Removing what the national service has deleted…</source>
        <translation>Removing what the national service has deleted…</translation>
    </message>
    <message>
        <source>Reading the problems the national service reported…</source>
        <translation>Reading the problems the national service reported…</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Saving the list…</translation>
    </message>
    <message>
        <source>Area lists need the CP-IS FHIR service, and this desk&apos;s profile names none (cpis-fhir). Ask your administrator.</source>
        <translation>Area lists need the CP-IS FHIR service, and this desk&apos;s profile names none (cpis-fhir). Ask your administrator.</translation>
    </message>
</context>
<context>
    <name>cpis::Cis2UserDetails</name>
    <message>
        <source>The identity provider&apos;s user details are about another user.</source>
        <translation>The identity provider&apos;s user details are about another user.</translation>
    </message>
    <message>
        <source>CIS2 gave no selected role: you have no role that can use this service. Ask your registration authority for one.</source>
        <translation>CIS2 gave no selected role: you have no role that can use this service. Ask your registration authority for one.</translation>
    </message>
    <message>
        <source>The role you selected in CIS2 is not among your roles&apos; details.</source>
        <translation>The role you selected in CIS2 is not among your roles&apos; details.</translation>
    </message>
</context>
<context>
    <name>cpis::IdTokenCheck</name>
    <message>
        <source>The identity token is not signed with RS256 or RS512.</source>
        <translation>The identity token is not signed with RS256 or RS512.</translation>
    </message>
    <message>
        <source>The identity token&apos;s signature does not hold.</source>
        <translation>The identity token&apos;s signature does not hold.</translation>
    </message>
    <message>
        <source>The identity token comes from another issuer.</source>
        <translation>The identity token comes from another issuer.</translation>
    </message>
    <message>
        <source>The identity token was issued to another application.</source>
        <translation>The identity token was issued to another application.</translation>
    </message>
    <message>
        <source>The identity token gives no issue or expiry time.</source>
        <translation>The identity token gives no issue or expiry time.</translation>
    </message>
    <message>
        <source>The identity token has expired.</source>
        <translation>The identity token has expired.</translation>
    </message>
    <message>
        <source>The identity token was issued in the future: check this computer&apos;s clock.</source>
        <translation>The identity token was issued in the future: check this computer&apos;s clock.</translation>
    </message>
    <message>
        <source>The identity token does not belong to this sign-in attempt.</source>
        <translation>The identity token does not belong to this sign-in attempt.</translation>
    </message>
    <message>
        <source>The identity token names no user.</source>
        <translation>The identity token names no user.</translation>
    </message>
    <message>
        <source>You signed in with an authenticator weaker than this service requires (%1). Sign in again with a smartcard or another stronger authenticator.</source>
        <translation>You signed in with an authenticator weaker than this service requires (%1). Sign in again with a smartcard or another stronger authenticator.</translation>
    </message>
</context>
<context>
    <name>cpis::MeshError</name>
    <message>
        <source>The notices mailbox is not set up on this desk: the administrator must set its mailbox id, password and shared key.</source>
        <translation>The notices mailbox is not set up on this desk: the administrator must set its mailbox id, password and shared key.</translation>
    </message>
    <message>
        <source>The MESH mailbox could not be reached. The notices shown may not be all there are.</source>
        <translation>The MESH mailbox could not be reached. The notices shown may not be all there are.</translation>
    </message>
    <message>
        <source>The MESH mailbox did not answer in time. The notices shown may not be all there are.</source>
        <translation>The MESH mailbox did not answer in time. The notices shown may not be all there are.</translation>
    </message>
    <message>
        <source>The connection to the MESH mailbox was not secure (certificate or TLS failure), so nothing was read. Tell the administrator.</source>
        <translation>The connection to the MESH mailbox was not secure (certificate or TLS failure), so nothing was read. Tell the administrator.</translation>
    </message>
    <message>
        <source>The MESH server refused the connection: it needs the mailbox&apos;s TLS certificate, which is missing or not accepted. Tell the administrator.</source>
        <translation>The MESH server refused the connection: it needs the mailbox&apos;s TLS certificate, which is missing or not accepted. Tell the administrator.</translation>
    </message>
    <message>
        <source>The MESH server refused the mailbox: this computer&apos;s clock is %1 hours off the server&apos;s, and MESH allows 2. Have the clock corrected.</source>
        <translation>The MESH server refused the mailbox: this computer&apos;s clock is %1 hours off the server&apos;s, and MESH allows 2. Have the clock corrected.</translation>
    </message>
    <message>
        <source>The MESH server refused the mailbox&apos;s credentials (HTTP 403): the mailbox password or shared key is wrong, a request was replayed, or this computer&apos;s clock is more than 2 hours off. Nothing was read; tell the administrator.</source>
        <translation>The MESH server refused the mailbox&apos;s credentials (HTTP 403): the mailbox password or shared key is wrong, a request was replayed, or this computer&apos;s clock is more than 2 hours off. Nothing was read; tell the administrator.</translation>
    </message>
    <message>
        <source>The MESH mailbox no longer holds this message.</source>
        <translation>The MESH mailbox no longer holds this message.</translation>
    </message>
    <message>
        <source>The message expired in the MESH mailbox before it was downloaded.</source>
        <translation>The message expired in the MESH mailbox before it was downloaded.</translation>
    </message>
    <message>
        <source>The MESH server refused the request as invalid (HTTP 400).</source>
        <translation>The MESH server refused the request as invalid (HTTP 400).</translation>
    </message>
    <message>
        <source>The MESH service failed to answer. The notices shown may not be all there are.</source>
        <translation>The MESH service failed to answer. The notices shown may not be all there are.</translation>
    </message>
    <message>
        <source>The MESH mailbox sent an answer that could not be read. The notices shown may not be all there are.</source>
        <translation>The MESH mailbox sent an answer that could not be read. The notices shown may not be all there are.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>The download was cancelled.</translation>
    </message>
    <message>
        <source>A downloaded message could not be kept in the encrypted store.</source>
        <translation>A downloaded message could not be kept in the encrypted store.</translation>
    </message>
</context>
<context>
    <name>cpis::NoticeService</name>
    <message>
        <source>The notices could not be read from the encrypted store: %1</source>
        <translation>The notices could not be read from the encrypted store: %1</translation>
    </message>
    <message>
        <source>The notices could not be saved in the encrypted store: %1</source>
        <translation>The notices could not be saved in the encrypted store: %1</translation>
    </message>
    <message>
        <source>The notice could not be read from the encrypted store: %1</source>
        <translation>The notice could not be read from the encrypted store: %1</translation>
    </message>
    <message>
        <source>This notice is not held on this desk.</source>
        <translation>This notice is not held on this desk.</translation>
    </message>
    <message>
        <source>This notice has already been acknowledged.</source>
        <translation>This notice has already been acknowledged.</translation>
    </message>
    <message>
        <source>Not acknowledged: the audit log could not record it (%1).</source>
        <translation>Not acknowledged: the audit log could not record it (%1).</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Not acknowledged: %1</translation>
    </message>
    <message>
        <source>A MESH error report was kept but not acknowledged: the audit log could not record it (%1).</source>
        <translation>A MESH error report was kept but not acknowledged: the audit log could not record it (%1).</translation>
    </message>
    <message>
        <source>CP-IS Desk (an error report, acknowledged when received)</source>
        <translation>CP-IS Desk (an error report, acknowledged when received)</translation>
    </message>
    <message>
        <source>A notice that could not be read is not acknowledged: it stays in the mailbox until CP-IS or the administrator has looked at message %1.</source>
        <translation>A notice that could not be read is not acknowledged: it stays in the mailbox until CP-IS or the administrator has looked at message %1.</translation>
    </message>
    <message>
        <source>The mailbox no longer holds this notice, and this desk could not save that: %1</source>
        <translation>The mailbox no longer holds this notice, and this desk could not save that: %1</translation>
    </message>
    <message>
        <source>Acknowledged with the mailbox, but this desk could not save it: %1</source>
        <translation>Acknowledged with the mailbox, but this desk could not save it: %1</translation>
    </message>
</context>
<context>
    <name>cpis::OidcDiscovery</name>
    <message>
        <source>The identity provider could not be reached: %1</source>
        <translation>The identity provider could not be reached: %1</translation>
    </message>
    <message>
        <source>The identity provider&apos;s signing keys could not be read: %1</source>
        <translation>The identity provider&apos;s signing keys could not be read: %1</translation>
    </message>
    <message>
        <source>The identity provider&apos;s discovery document was not read.</source>
        <translation>The identity provider&apos;s discovery document was not read.</translation>
    </message>
    <message>
        <source>The identity token was signed with a key the identity provider does not publish.</source>
        <translation>The identity token was signed with a key the identity provider does not publish.</translation>
    </message>
</context>
<context>
    <name>cpis::SignInFlow</name>
    <message>
        <source>The sign-in reply carried no authorization code.</source>
        <translation>The sign-in reply carried no authorization code.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <source>Could not read your user details: %1</source>
        <translation>Could not read your user details: %1</translation>
    </message>
    <message>
        <source>Sign-in needs the local port %1 for the identity provider&apos;s answer, and another program is using it (%2). Close that program, or ask your administrator to register another port.</source>
        <translation>Sign-in needs the local port %1 for the identity provider&apos;s answer, and another program is using it (%2). Close that program, or ask your administrator to register another port.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in in progress. Return to CP-IS Desk.</source>
        <translation>This answer does not belong to the sign-in in progress. Return to CP-IS Desk.</translation>
    </message>
    <message>
        <source>Sign-in was refused. Return to CP-IS Desk.</source>
        <translation>Sign-in was refused. Return to CP-IS Desk.</translation>
    </message>
    <message>
        <source>The identity provider refused the sign-in: %1</source>
        <translation>The identity provider refused the sign-in: %1</translation>
    </message>
    <message>
        <source>The answer carried no authorization code.</source>
        <translation>The answer carried no authorization code.</translation>
    </message>
    <message>
        <source>Signed in. You can close this window and return to CP-IS Desk.</source>
        <translation>Signed in. You can close this window and return to CP-IS Desk.</translation>
    </message>
    <message>
        <source>The identity provider gave no usable tokens.</source>
        <translation>The identity provider gave no usable tokens.</translation>
    </message>
    <message>
        <source>The identity token cannot be read: %1</source>
        <translation>The identity token cannot be read: %1</translation>
    </message>
    <message>
        <source>This profile names no API platform token exchange, so PDS and CP-IS cannot be reached. Ask your administrator.</source>
        <translation>This profile names no API platform token exchange, so PDS and CP-IS cannot be reached. Ask your administrator.</translation>
    </message>
    <message>
        <source>The session cannot be renewed: sign in again.</source>
        <translation>The session cannot be renewed: sign in again.</translation>
    </message>
    <message>
        <source>The API platform was not asked to revoke the session: the profile&apos;s platform key cannot be used.</source>
        <translation>The API platform was not asked to revoke the session: the profile&apos;s platform key cannot be used.</translation>
    </message>
    <message>
        <source>The API platform did not revoke the session: %1</source>
        <translation>The API platform did not revoke the session: %1</translation>
    </message>
    <message>
        <source>The identity provider could not be told to end the session: %1</source>
        <translation>The identity provider could not be told to end the session: %1</translation>
    </message>
    <message>
        <source>The identity provider did not revoke its access token: %1</source>
        <translation>The identity provider did not revoke its access token: %1</translation>
    </message>
    <message>
        <source>The identity provider did not end the session: %1</source>
        <translation>The identity provider did not end the session: %1</translation>
    </message>
</context>
<context>
    <name>cpis::TokenExchange</name>
    <message>
        <source>The API platform gave an unusable token.</source>
        <translation>The API platform gave an unusable token.</translation>
    </message>
    <message>
        <source>The API platform refused access: %1</source>
        <translation>The API platform refused access: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AccessHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AreaListModel</name>
    <message>
        <source>Child Protection Plan</source>
        <translation>Child Protection Plan</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Looked After Child</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Unborn Child Protection Plan</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>%1, ended</source>
        <translation>%1, ended</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>ended %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation>Local authority</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AreaListView</name>
    <message>
        <source>Area list</source>
        <translation>Area list</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Sync the area list</source>
        <translation>Sync the area list</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Cancel sync</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>Cancel the sync</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <source>Sync progress text</source>
        <translation>Sync progress text</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>Filter by name or NHS number</source>
        <translation>Filter by name or NHS number</translation>
    </message>
    <message>
        <source>Filter by name or NHS number (Ctrl+F)</source>
        <translation>Filter by name or NHS number (Ctrl+F)</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>Plan type</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>Child Protection Plans</source>
        <translation>Child Protection Plans</translation>
    </message>
    <message>
        <source>Looked After Children</source>
        <translation>Looked After Children</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plans</source>
        <translation>Unborn Child Protection Plans</translation>
    </message>
    <message>
        <source>Show &amp;ended plans</source>
        <translation>Show &amp;ended plans</translation>
    </message>
    <message>
        <source>Show ended plans</source>
        <translation>Show ended plans</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Export the shown rows as CSV</source>
        <translation>Export the shown rows as CSV</translation>
    </message>
    <message>
        <source>Rows shown</source>
        <translation>Rows shown</translation>
    </message>
    <message>
        <source>Children on plans in the area</source>
        <translation>Children on plans in the area</translation>
    </message>
    <message>
        <source>Asking the national service which areas you may see…</source>
        <translation>Asking the national service which areas you may see…</translation>
    </message>
    <message>
        <source>Could not get your areas from the national service (%1). Try again later.</source>
        <translation>Could not get your areas from the national service (%1). Try again later.</translation>
    </message>
    <message>
        <source>Your role has no areas.</source>
        <translation>Your role has no areas.</translation>
    </message>
    <message>
        <source>Not synced yet: press Sync to fetch this area&apos;s list.</source>
        <translation>Not synced yet: press Sync to fetch this area&apos;s list.</translation>
    </message>
    <message>
        <source>The last sync (%1) failed: %2 The list shown is the one as of above.</source>
        <translation>The last sync (%1) failed: %2 The list shown is the one as of above.</translation>
    </message>
    <message>
        <source>The last sync (%1) failed: %2 No list has been received.</source>
        <translation>The last sync (%1) failed: %2 No list has been received.</translation>
    </message>
    <message>
        <source>Sync failed.</source>
        <translation>Sync failed.</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown</source>
        <translation>%1 of %2 rows shown</translation>
    </message>
    <message>
        <source>Export area list</source>
        <translation>Export area list</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be opened for writing.</source>
        <translation>The file could not be opened for writing.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>The file could not be written.</translation>
    </message>
    <message>
        <source>Problems reported by the national service</source>
        <translation>Problems reported by the national service</translation>
    </message>
    <message numerus="yes">
        <source>Partial: %n problem(s) reported by the service. The list may lack the children they concern; the next sync fetches the whole list again.</source>
        <translation>
            <numerusform>Partial: %n problem reported by the service. The list may lack the children it concerns; the next sync fetches the whole list again.</numerusform>
            <numerusform>Partial: %n problems reported by the service. The list may lack the children they concern; the next sync fetches the whole list again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln on plans)</source>
        <translation>
            <numerusform>%1 (%Ln on plans)</numerusform>
            <numerusform>%1 (%Ln on plans)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>As of %1: %Ln people, </source>
        <translation>
            <numerusform>As of %1: %Ln person, </numerusform>
            <numerusform>As of %1: %Ln people, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln plans.</source>
        <translation>
            <numerusform>%Ln plan.</numerusform>
            <numerusform>%Ln plans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partly up to date as of %1: %Ln problem(s) reported by the service.</source>
        <translation>
            <numerusform>Partly up to date as of %1: %Ln problem reported by the service.</numerusform>
            <numerusform>Partly up to date as of %1: %Ln problems reported by the service.</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date as of %1.</source>
        <translation>Up to date as of %1.</translation>
    </message>
    <message>
        <source>%1 people and %2 plans changed.</source>
        <translation>%1 people and %2 plans changed.</translation>
    </message>
    <message>
        <source>Sync cancelled; the list shown is as of %1.</source>
        <translation>Sync cancelled; the list shown is as of %1.</translation>
    </message>
    <message>
        <source>Sync cancelled; no list has been synced yet.</source>
        <translation>Sync cancelled; no list has been synced yet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) the service deleted were removed from the list.</source>
        <translation>
            <numerusform>%Ln record the service deleted was removed from the list.</numerusform>
            <numerusform>%Ln records the service deleted were removed from the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln rows.</source>
        <translation>
            <numerusform>Exported %Ln row.</numerusform>
            <numerusform>Exported %Ln rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>A file of that name already exists: choose another name.</source>
        <translation>A file of that name already exists: choose another name.</translation>
    </message>
    <message>
        <source>That name is a link or not an ordinary file: choose another name.</source>
        <translation>That name is a link or not an ordinary file: choose another name.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::BusyPanel</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Cancel the look-up</source>
        <translation>Cancel the look-up</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n second(s) so far)</source>
        <translation>
            <numerusform>%1 (%n second so far)</numerusform>
            <numerusform>%1 (%n seconds so far)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cpis::ui::CpisResultView</name>
    <message>
        <source>Access history (most recent 25)</source>
        <translation>Access history (most recent 25)</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Access history</translation>
    </message>
    <message>
        <source>CP-IS ALERT: this person is known to children&apos;s social care</source>
        <translation>CP-IS ALERT: this person is known to children&apos;s social care</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on CP-IS for NHS No. %1</source>
        <translation>
            <numerusform>%n plan on CP-IS for NHS No. %1</numerusform>
            <numerusform>%n plans on CP-IS for NHS No. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact the responsible local authority as your local procedure says.</source>
        <translation>Contact the responsible local authority as your local procedure says.</translation>
    </message>
    <message>
        <source>No CP-IS record found</source>
        <translation>No CP-IS record found</translation>
    </message>
    <message>
        <source>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</source>
        <translation>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</translation>
    </message>
    <message>
        <source>CP-IS COULD NOT BE CHECKED</source>
        <translation>CP-IS COULD NOT BE CHECKED</translation>
    </message>
    <message>
        <source>Follow local safeguarding procedure.</source>
        <translation>Follow local safeguarding procedure.</translation>
    </message>
    <message>
        <source>Access history could not be loaded.</source>
        <translation>Access history could not be loaded.</translation>
    </message>
    <message>
        <source>CP-IS result</source>
        <translation>CP-IS result</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Retry the look-up</source>
        <translation>Retry the look-up</translation>
    </message>
    <message numerus="yes">
        <source>%n min old</source>
        <translation>
            <numerusform>%n min old</numerusform>
            <numerusform>%n min old</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min old</source>
        <translation>%1 h %2 min old</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n day old</numerusform>
            <numerusform>%n days old</numerusform>
        </translation>
    </message>
    <message>
        <source>The offline copy is from %1.</source>
        <translation>The offline copy is from %1.</translation>
    </message>
    <message>
        <source>CP-IS was checked at %1.</source>
        <translation>CP-IS was checked at %1.</translation>
    </message>
    <message>
        <source>CP-IS: plan ended %1</source>
        <translation>CP-IS: plan ended %1</translation>
    </message>
    <message>
        <source>CP-IS: plan ended</source>
        <translation>CP-IS: plan ended</translation>
    </message>
    <message numerus="yes">
        <source>%n ended plan(s) on CP-IS for NHS No. %1, none current.</source>
        <translation>
            <numerusform>%n ended plan on CP-IS for NHS No. %1, none current.</numerusform>
            <numerusform>%n ended plans on CP-IS for NHS No. %1, none current.</numerusform>
        </translation>
    </message>
    <message>
        <source>CP-IS ALERT: the unborn child of %1 is on an Unborn Child Protection Plan</source>
        <translation>CP-IS ALERT: the unborn child of %1 is on an Unborn Child Protection Plan</translation>
    </message>
    <message numerus="yes">
        <source>(%n current)</source>
        <translation>
            <numerusform>(%n current)</numerusform>
            <numerusform>(%n current)</numerusform>
        </translation>
    </message>
    <message>
        <source>OFFLINE COPY from %1 (%2), not a live answer. %3</source>
        <translation>OFFLINE COPY from %1 (%2), not a live answer. %3</translation>
    </message>
    <message>
        <source>Could not check CP-IS at %1</source>
        <translation>Could not check CP-IS at %1</translation>
    </message>
    <message>
        <source>Could not trace on PDS at %1: CP-IS was not asked</source>
        <translation>Could not trace on PDS at %1: CP-IS was not asked</translation>
    </message>
    <message>
        <source>Live answer from CP-IS, checked %1</source>
        <translation>Live answer from CP-IS, checked %1</translation>
    </message>
    <message>
        <source>The offline copy of %2 says CP-IS held no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record for NHS No. %1. This is not a live answer.</source>
        <translation>The offline copy of %2 says CP-IS held no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record for NHS No. %1. This is not a live answer.</translation>
    </message>
    <message>
        <source>This does not mean the child is safe: use your professional judgement.</source>
        <translation>This does not mean the child is safe: use your professional judgement.</translation>
    </message>
    <message>
        <source>COULD NOT TRACE THIS NHS NUMBER</source>
        <translation>COULD NOT TRACE THIS NHS NUMBER</translation>
    </message>
    <message>
        <source>The responsible local authority was notified of this look-up (unscheduled care).</source>
        <translation>The responsible local authority was notified of this look-up (unscheduled care).</translation>
    </message>
    <message>
        <source>The local authority was not notified: this was a read that does not notify (scheduled care, or your role).</source>
        <translation>The local authority was not notified: this was a read that does not notify (scheduled care, or your role).</translation>
    </message>
    <message>
        <source>No local authority was notified: there is no plan.</source>
        <translation>No local authority was notified: there is no plan.</translation>
    </message>
    <message>
        <source>No local authority was notified by this look-up.</source>
        <translation>No local authority was notified by this look-up.</translation>
    </message>
    <message>
        <source>CP-IS asked the desk to wait; you can try again now.</source>
        <translation>CP-IS asked the desk to wait; you can try again now.</translation>
    </message>
    <message numerus="yes">
        <source>Could not check CP-IS at %1 (tried %n time(s))</source>
        <translation>
            <numerusform>Could not check CP-IS at %1 (tried %n time)</numerusform>
            <numerusform>Could not check CP-IS at %1 (tried %n times)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not trace on PDS at %1 (tried %n time(s)): CP-IS was not asked</source>
        <translation>
            <numerusform>Could not trace on PDS at %1 (tried %n time): CP-IS was not asked</numerusform>
            <numerusform>Could not trace on PDS at %1 (tried %n times): CP-IS was not asked</numerusform>
        </translation>
    </message>
    <message>
        <source>CP-IS holds a record this desk cannot display: contact the responsible local authority</source>
        <translation>CP-IS holds a record this desk cannot display: contact the responsible local authority</translation>
    </message>
    <message>
        <source>CP-IS holds a record for NHS No. %1 of a plan type this desk does not know.</source>
        <translation>CP-IS holds a record for NHS No. %1 of a plan type this desk does not know.</translation>
    </message>
    <message>
        <source>Treat it as a current plan and contact the local authority as your local procedure says.</source>
        <translation>Treat it as a current plan and contact the local authority as your local procedure says.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DateFilterEdit</name>
    <message>
        <source>Type a day as 07-Dec-2026 or 07/12/2026, or Any. Up and Down change it by a day; Alt+Down or F4 opens a calendar.</source>
        <translation>Type a day as 07-Dec-2026 or 07/12/2026, or Any. Up and Down change it by a day; Alt+Down or F4 opens a calendar.</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</source>
        <comment>the twelve short month names, space separated, as typed in a date</comment>
        <translation>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</translation>
    </message>
    <message>
        <source>Choose a day: arrows move, Enter takes it, Escape closes</source>
        <translation>Choose a day: arrows move, Enter takes it, Escape closes</translation>
    </message>
</context>
<context>
    <name>cpis::ui::DirectoryEntryDialog</name>
    <message>
        <source>Edit local directory entry</source>
        <translation>Edit local directory entry</translation>
    </message>
    <message>
        <source>Add local directory entry</source>
        <translation>Add local directory entry</translation>
    </message>
    <message>
        <source>Local authority ODS code</source>
        <translation>Local authority ODS code</translation>
    </message>
    <message>
        <source>&amp;ODS code</source>
        <translation>&amp;ODS code</translation>
    </message>
    <message>
        <source>Local authority email</source>
        <translation>Local authority email</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>Notes about this local authority</source>
        <translation>Notes about this local authority</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>Save entry</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the local authority&apos;s ODS code.</source>
        <translation>Enter the local authority&apos;s ODS code.</translation>
    </message>
    <message>
        <source>An ODS code is 3 to 10 letters and digits.</source>
        <translation>An ODS code is 3 to 10 letters and digits.</translation>
    </message>
    <message>
        <source>The email address is not complete.</source>
        <translation>The email address is not complete.</translation>
    </message>
    <message>
        <source>Entry can be saved</source>
        <translation>Entry can be saved</translation>
    </message>
</context>
<context>
    <name>cpis::ui::HubStatusLabel</name>
    <message>
        <source>Audit hub not reached: %1 waiting</source>
        <translation>Audit hub not reached: %1 waiting</translation>
    </message>
    <message>
        <source>Audit hub: %1 waiting to be sent</source>
        <translation>Audit hub: %1 waiting to be sent</translation>
    </message>
    <message>
        <source>Audit hub: all sent, last at %1</source>
        <translation>Audit hub: all sent, last at %1</translation>
    </message>
    <message>
        <source>Audit hub: all sent</source>
        <translation>Audit hub: all sent</translation>
    </message>
</context>
<context>
    <name>cpis::ui::IdleWarning</name>
    <message>
        <source>CP-IS Desk is about to lock</source>
        <translation>CP-IS Desk is about to lock</translation>
    </message>
    <message>
        <source>Idle lock warning</source>
        <translation>Idle lock warning</translation>
    </message>
    <message>
        <source>CP-IS Desk will lock in %1 seconds. Press any key to stay signed in.</source>
        <translation>CP-IS Desk will lock in %1 seconds. Press any key to stay signed in.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::LocalDirectoryDialog</name>
    <message>
        <source>Local directory</source>
        <translation>Local directory</translation>
    </message>
    <message>
        <source>Email addresses and notes for local authorities, kept encrypted on this computer. The national CP-IS record does not carry them; plan cards show them labelled &quot;local directory&quot;.</source>
        <translation>Email addresses and notes for local authorities, kept encrypted on this computer. The national CP-IS record does not carry them; plan cards show them labelled &quot;local directory&quot;.</translation>
    </message>
    <message>
        <source>&amp;Local authorities</source>
        <translation>&amp;Local authorities</translation>
    </message>
    <message>
        <source>Local directory entries</source>
        <translation>Local directory entries</translation>
    </message>
    <message>
        <source>Enter edits the selected entry, Delete removes it, Insert adds one.</source>
        <translation>Enter edits the selected entry, Delete removes it, Insert adds one.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Add a local directory entry</source>
        <translation>Add a local directory entry</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation>Edit the selected entry</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>Remove the selected entry</translation>
    </message>
    <message>
        <source>Close the local directory</source>
        <translation>Close the local directory</translation>
    </message>
    <message>
        <source>The local directory could not be read</source>
        <translation>The local directory could not be read</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Not added</translation>
    </message>
    <message>
        <source>%1 is already in the directory: edit it instead.</source>
        <translation>%1 is already in the directory: edit it instead.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>Not removed</translation>
    </message>
    <message>
        <source>Local &amp;directory…</source>
        <translation>Local &amp;directory…</translation>
    </message>
</context>
<context>
    <name>cpis::ui::LocalDirectoryModel</name>
    <message>
        <source>ODS code</source>
        <translation>ODS code</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>TRAINING: synthetic data</source>
        <translation>TRAINING: synthetic data</translation>
    </message>
    <message>
        <source>Training mode: all data is synthetic</source>
        <translation>Training mode: all data is synthetic</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Service address</translation>
    </message>
    <message>
        <source>Training sandbox at %1</source>
        <translation>Training sandbox at %1</translation>
    </message>
    <message>
        <source>Sign in to use CP-IS Desk.</source>
        <translation>Sign in to use CP-IS Desk.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Signed in: %1 · %2 · %3</source>
        <translation>Signed in: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signed out. Sign in to use CP-IS Desk.</source>
        <translation>Signed out. Sign in to use CP-IS Desk.</translation>
    </message>
    <message>
        <source>Warning: could not write to the audit log: %1</source>
        <translation>Warning: could not write to the audit log: %1</translation>
    </message>
    <message>
        <source>Desk functions</source>
        <translation>Desk functions</translation>
    </message>
    <message>
        <source>CP-IS Desk: TRAINING (synthetic data)</source>
        <translation>CP-IS Desk: TRAINING (synthetic data)</translation>
    </message>
    <message>
        <source>CP-IS Desk: %1</source>
        <translation>CP-IS Desk: %1</translation>
    </message>
    <message>
        <source>Profile %1 (%2): PDS at %3</source>
        <translation>Profile %1 (%2): PDS at %3</translation>
    </message>
    <message>
        <source>Scheduled care (GP in hours, 0-19 services)</source>
        <translation>Scheduled care (GP in hours, 0-19 services)</translation>
    </message>
    <message>
        <source>Unscheduled care (emergency, walk-in, maternity, out of hours)</source>
        <translation>Unscheduled care (emergency, walk-in, maternity, out of hours)</translation>
    </message>
    <message>
        <source>Locked by %1</source>
        <translation>Locked by %1</translation>
    </message>
    <message>
        <source>Locked at %1 by %2 (%3). CP-IS Desk is locked: sign in again to continue.</source>
        <translation>Locked at %1 by %2 (%3). CP-IS Desk is locked: sign in again to continue.</translation>
    </message>
    <message>
        <source>Audit not anchored: look-ups are recorded, but the keychain could not save the audit anchor. Unlock the keychain.</source>
        <translation>Audit not anchored: look-ups are recorded, but the keychain could not save the audit anchor. Unlock the keychain.</translation>
    </message>
    <message>
        <source>Your role (%1) is given no CP-IS Desk screen here, so the desk shows nothing. Sign in with another role, or ask your administrator which roles see which screens.</source>
        <translation>Your role (%1) is given no CP-IS Desk screen here, so the desk shows nothing. Sign in with another role, or ask your administrator which roles see which screens.</translation>
    </message>
    <message>
        <source>Signed out: this desk holds none of your tokens. The sign-in service could not be told: %1</source>
        <translation>Signed out: this desk holds none of your tokens. The sign-in service could not be told: %1</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NhsNumberEdit</name>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Type or paste a 10-digit NHS number, then press Enter.</source>
        <translation>Type or paste a 10-digit NHS number, then press Enter.</translation>
    </message>
    <message>
        <source>NHS number, e.g. 943 476 5919</source>
        <translation>NHS number, e.g. 943 476 5919</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NoticeModel</name>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>Looked up</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>LA child id</source>
        <translation>LA child id</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Just arrived: %1</source>
        <translation>Just arrived: %1</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Could not be read</translation>
    </message>
    <message>
        <source>Delivery error</source>
        <translation>Delivery error</translation>
    </message>
    <message>
        <source>A notice could not be read (MESH message %1)</source>
        <translation>A notice could not be read (MESH message %1)</translation>
    </message>
    <message>
        <source>MESH delivery error (message %1)</source>
        <translation>MESH delivery error (message %1)</translation>
    </message>
    <message>
        <source>System %1</source>
        <translation>System %1</translation>
    </message>
    <message>
        <source>System %1 for %2, %3</source>
        <translation>System %1 for %2, %3</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NoticesView</name>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Notices</translation>
    </message>
    <message>
        <source>Attendance notices</source>
        <translation>Attendance notices</translation>
    </message>
    <message>
        <source>Checking for notices…</source>
        <translation>Checking for notices…</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Check now</translation>
    </message>
    <message>
        <source>Check for new notices now</source>
        <translation>Check for new notices now</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Show new or acknowledged notices</source>
        <translation>Show new or acknowledged notices</translation>
    </message>
    <message>
        <source>NHS number or LA child id</source>
        <translation>NHS number or LA child id</translation>
    </message>
    <message>
        <source>Filter by child: NHS number or local authority child id</source>
        <translation>Filter by child: NHS number or local authority child id</translation>
    </message>
    <message>
        <source>Looked up on or after</source>
        <translation>Looked up on or after</translation>
    </message>
    <message>
        <source>Looked up on or before</source>
        <translation>Looked up on or before</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>Filter by site</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>C&amp;hild:</source>
        <translation>C&amp;hild:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Site:</translation>
    </message>
    <message>
        <source>Notice detail</source>
        <translation>Notice detail</translation>
    </message>
    <message>
        <source>NHS number:</source>
        <translation>NHS number:</translation>
    </message>
    <message>
        <source>LA child id:</source>
        <translation>LA child id:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Looked up:</source>
        <translation>Looked up:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>By:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Acknowledged:</translation>
    </message>
    <message>
        <source>&amp;Acknowledge (Ctrl+K)</source>
        <translation>&amp;Acknowledge (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge the selected notice</source>
        <translation>Acknowledge the selected notice</translation>
    </message>
    <message>
        <source>Acknowledgement status</source>
        <translation>Acknowledgement status</translation>
    </message>
    <message>
        <source>The stored notices could not be read: %1</source>
        <translation>The stored notices could not be read: %1</translation>
    </message>
    <message>
        <source>New (%1)</source>
        <translation>New (%1)</translation>
    </message>
    <message>
        <source>Acknowledged (%1)</source>
        <translation>Acknowledged (%1)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last checked: %1</source>
        <translation>Last checked: %1</translation>
    </message>
    <message>
        <source>Could not check for new notices at %1: %2 Last successful check: %3. New notices may be missing from this list. Next try in %4 min.</source>
        <translation>Could not check for new notices at %1: %2 Last successful check: %3. New notices may be missing from this list. Next try in %4 min.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>CP-IS Desk</translation>
    </message>
    <message numerus="yes">
        <source>%n new attendance notice(s)</source>
        <translation>
            <numerusform>%n new attendance notice</numerusform>
            <numerusform>%n new attendance notices</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Warning: opening this notice could not be recorded in the audit log: %1</source>
        <translation>Warning: opening this notice could not be recorded in the audit log: %1</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>Acknowledged.</translation>
    </message>
    <message>
        <source>Downloading a message from the mailbox</source>
        <translation>Downloading a message from the mailbox</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>Stop download</translation>
    </message>
    <message>
        <source>Select a notice and press Enter (or double-click it) to open it here.</source>
        <translation>Select a notice and press Enter (or double-click it) to open it here.</translation>
    </message>
    <message>
        <source>Not a day the desk can read: %1. Type it as 07-Dec-2026 or 07/12/2026, or Any.</source>
        <translation>Not a day the desk can read: %1. Type it as 07-Dec-2026 or 07/12/2026, or Any.</translation>
    </message>
    <message>
        <source>%1 MB, part %2 of %3</source>
        <translation>%1 MB, part %2 of %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) arrived that nobody has opened here yet</source>
        <translation>
            <numerusform>%n notice arrived that nobody has opened here yet</numerusform>
            <numerusform>%n notices arrived that nobody has opened here yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n new) %1</source>
        <translation>
            <numerusform>(%n new) %1</numerusform>
            <numerusform>(%n new) %1</numerusform>
        </translation>
    </message>
    <message>
        <source>LA child id %1</source>
        <translation>LA child id %1</translation>
    </message>
    <message>
        <source>NHS No. %1</source>
        <translation>NHS No. %1</translation>
    </message>
    <message>
        <source>notice for %1 looked up %2</source>
        <translation>notice for %1 looked up %2</translation>
    </message>
    <message>
        <source>A notice could not be read (MESH message %1)</source>
        <translation>A notice could not be read (MESH message %1)</translation>
    </message>
    <message>
        <source>MESH delivery error (message %1)</source>
        <translation>MESH delivery error (message %1)</translation>
    </message>
    <message>
        <source>System %1</source>
        <translation>System %1</translation>
    </message>
    <message>
        <source>Open the selected notice (Enter) before acknowledging it.</source>
        <translation>Open the selected notice (Enter) before acknowledging it.</translation>
    </message>
    <message>
        <source>Acknowledging the %1…</source>
        <translation>Acknowledging the %1…</translation>
    </message>
    <message>
        <source>Acknowledged: %1.</source>
        <translation>Acknowledged: %1.</translation>
    </message>
    <message>
        <source>About the %1: %2</source>
        <translation>About the %1: %2</translation>
    </message>
    <message>
        <source>Stop downloading the message</source>
        <translation>Stop downloading the message</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientBanner</name>
    <message>
        <source>Patient banner</source>
        <translation>Patient banner</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>NHS No.</translation>
    </message>
    <message>
        <source>The NHS number %1 has been replaced by %2. Use the new number from now on.</source>
        <translation>The NHS number %1 has been replaced by %2. Use the new number from now on.</translation>
    </message>
    <message>
        <source>%1, born %2, gender %3, NHS number %4</source>
        <translation>%1, born %2, gender %3, NHS number %4</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>Temporary address: %1</source>
        <translation>Temporary address: %1</translation>
    </message>
    <message>
        <source>Restricted record: address, contact details and GP practice are withheld.</source>
        <translation>Restricted record: address, contact details and GP practice are withheld.</translation>
    </message>
    <message>
        <source>Very restricted record: address, contact details and GP practice are withheld.</source>
        <translation>Very restricted record: address, contact details and GP practice are withheld.</translation>
    </message>
    <message>
        <source>%1, born %2, died %3, gender %4, NHS number %5</source>
        <translation>%1, born %2, died %3, gender %4, NHS number %5</translation>
    </message>
    <message>
        <source>FROM THE OFFLINE COPY of %1: PDS could not be reached, so this banner is not today&apos;s trace. Check it with extra care.</source>
        <translation>FROM THE OFFLINE COPY of %1: PDS could not be reached, so this banner is not today&apos;s trace. Check it with extra care.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientCandidateModel</name>
    <message>
        <source>Withheld (restricted record)</source>
        <translation>Withheld (restricted record)</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>NHS No.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientSearchPanel</name>
    <message>
        <source>Find a patient by their details</source>
        <translation>Find a patient by their details</translation>
    </message>
    <message>
        <source>No NHS number? Search PDS by the person&apos;s details. Spelling may be approximate; day and month may be swapped.</source>
        <translation>No NHS number? Search PDS by the person&apos;s details. Spelling may be approximate; day and month may be swapped.</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Given name</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>or &amp;age in years</source>
        <translation>or &amp;age in years</translation>
    </message>
    <message>
        <source>Age in years, or a range of ages</source>
        <translation>Age in years, or a range of ages</translation>
    </message>
    <message>
        <source>e.g. 7 or 6-8</source>
        <translation>e.g. 7 or 6-8</translation>
    </message>
    <message>
        <source>&amp;Postcode (optional)</source>
        <translation>&amp;Postcode (optional)</translation>
    </message>
    <message>
        <source>Postcode, optional</source>
        <translation>Postcode, optional</translation>
    </message>
    <message>
        <source>Search PDS (Enter)</source>
        <translation>Search PDS (Enter)</translation>
    </message>
    <message>
        <source>Search PDS by these details</source>
        <translation>Search PDS by these details</translation>
    </message>
    <message>
        <source>Searching PDS</source>
        <translation>Searching PDS</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Cancel the search</source>
        <translation>Cancel the search</translation>
    </message>
    <message>
        <source>Candidates, best match first</source>
        <translation>Candidates, best match first</translation>
    </message>
    <message>
        <source>Enter looks up the selected person&apos;s NHS number.</source>
        <translation>Enter looks up the selected person&apos;s NHS number.</translation>
    </message>
    <message>
        <source>Enter a date of birth or an age, not both.</source>
        <translation>Enter a date of birth or an age, not both.</translation>
    </message>
    <message>
        <source>The date of birth is not a date: type it as dd/mm/yyyy.</source>
        <translation>The date of birth is not a date: type it as dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>The date of birth is in the future.</translation>
    </message>
    <message>
        <source>The age is not a number of years or a range such as 6-8.</source>
        <translation>The age is not a number of years or a range such as 6-8.</translation>
    </message>
    <message>
        <source>Enter a date of birth or an age.</source>
        <translation>Enter a date of birth or an age.</translation>
    </message>
    <message>
        <source>The age range ends before it starts.</source>
        <translation>The age range ends before it starts.</translation>
    </message>
    <message>
        <source>A name can be at most 35 characters.</source>
        <translation>A name can be at most 35 characters.</translation>
    </message>
    <message>
        <source>Enter the family name and the given name, or one of them with the sex and the postcode.</source>
        <translation>Enter the family name and the given name, or one of them with the sex and the postcode.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Not searched: %1</translation>
    </message>
    <message>
        <source>Searching PDS…</source>
        <translation>Searching PDS…</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Search cancelled.</translation>
    </message>
    <message>
        <source>Nobody matched. Check the spelling, try an age range instead of a date of birth, or add the postcode.</source>
        <translation>Nobody matched. Check the spelling, try an age range instead of a date of birth, or add the postcode.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s), best match first. Enter on one looks up their NHS number.</source>
        <translation>
            <numerusform>%n candidate, best match first. Enter on it looks up their NHS number.</numerusform>
            <numerusform>%n candidates, best match first. Enter on one looks up their NHS number.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many matches: add details (given name, sex, postcode or an exact date of birth) and search again.</source>
        <translation>Too many matches: add details (given name, sex, postcode or an exact date of birth) and search again.</translation>
    </message>
    <message>
        <source>Could not search: PDS did not accept these details (%1).</source>
        <translation>Could not search: PDS did not accept these details (%1).</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>Could not search PDS: %1</source>
        <translation>Could not search PDS: %1</translation>
    </message>
    <message>
        <source>Warning: this search could not be recorded in the audit log.</source>
        <translation>Warning: this search could not be recorded in the audit log.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Search status</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PlanCard</name>
    <message>
        <source>Started %1</source>
        <translation>Started %1</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>ENDED %1</source>
        <translation>ENDED %1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>Ends %1</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (ended)</translation>
    </message>
    <message>
        <source>Responsible local authority: %1</source>
        <translation>Responsible local authority: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy %1 number</source>
        <translation>Copy %1 number</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>Emergency duty (out of hours)</source>
        <translation>Emergency duty (out of hours)</translation>
    </message>
    <message>
        <source>From this site&apos;s local directory (not in the national record):</source>
        <translation>From this site&apos;s local directory (not in the national record):</translation>
    </message>
    <message>
        <source>Email (local directory)</source>
        <translation>Email (local directory)</translation>
    </message>
    <message>
        <source>Email from local directory: %1</source>
        <translation>Email from local directory: %1</translation>
    </message>
    <message>
        <source>Copy local directory email</source>
        <translation>Copy local directory email</translation>
    </message>
    <message>
        <source>Local directory email %1.</source>
        <translation>Local directory email %1.</translation>
    </message>
    <message>
        <source>Notes (local directory)</source>
        <translation>Notes (local directory)</translation>
    </message>
    <message>
        <source>Notes from local directory: %1</source>
        <translation>Notes from local directory: %1</translation>
    </message>
    <message>
        <source>Local directory notes: %1</source>
        <translation>Local directory notes: %1</translation>
    </message>
    <message>
        <source>The local directory could not be read: %1</source>
        <translation>The local directory could not be read: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Plan type not known to this desk: contact the local authority.</source>
        <translation>Plan type not known to this desk: contact the local authority.</translation>
    </message>
    <message>
        <source>Record this desk cannot display</source>
        <translation>Record this desk cannot display</translation>
    </message>
    <message>
        <source>The responsible local authority&apos;s contacts could not be read from CP-IS&apos;s answer.</source>
        <translation>The responsible local authority&apos;s contacts could not be read from CP-IS&apos;s answer.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ReviewQueueModel</name>
    <message>
        <source>To review</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>No further action</source>
        <translation>No further action</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (by %2, %3)</source>
        <translation>%1 (by %2, %3)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Local authority</source>
        <translation>Local authority</translation>
    </message>
    <message>
        <source>Who looked</source>
        <translation>Who looked</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>cpis::ui::ReviewView</name>
    <message>
        <source>Review of CP-IS positives at %1</source>
        <translation>Review of CP-IS positives at %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh the review queue</source>
        <translation>Refresh the review queue</translation>
    </message>
    <message>
        <source>Read the site&apos;s positives again (F5)</source>
        <translation>Read the site&apos;s positives again (F5)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Show positives with status</source>
        <translation>Show positives with status</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>CP-IS positives at this site</source>
        <translation>CP-IS positives at this site</translation>
    </message>
    <message>
        <source>Newest first. Up and Down choose a positive; Tab moves to its status and note.</source>
        <translation>Newest first. Up and Down choose a positive; Tab moves to its status and note.</translation>
    </message>
    <message>
        <source>Status of the selected positive</source>
        <translation>Status of the selected positive</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Note on the selected positive</source>
        <translation>Note on the selected positive</translation>
    </message>
    <message>
        <source>What was done, and by whom</source>
        <translation>What was done, and by whom</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the status and note</source>
        <translation>Save the status and note</translation>
    </message>
    <message>
        <source>Save the status and note (Ctrl+S)</source>
        <translation>Save the status and note (Ctrl+S)</translation>
    </message>
    <message>
        <source>Positives per day, last %1 days</source>
        <translation>Positives per day, last %1 days</translation>
    </message>
    <message>
        <source>Chart of positives per day</source>
        <translation>Chart of positives per day</translation>
    </message>
    <message>
        <source>The review queue could not be read from this computer&apos;s store: %1</source>
        <translation>The review queue could not be read from this computer&apos;s store: %1</translation>
    </message>
    <message>
        <source>Last refreshed %1</source>
        <translation>Last refreshed %1</translation>
    </message>
    <message>
        <source>Never refreshed</source>
        <translation>Never refreshed</translation>
    </message>
    <message>
        <source>Positives</source>
        <translation>Positives</translation>
    </message>
    <message>
        <source>%1 positives over the last %2 days; the busiest day was %3 with %4.</source>
        <translation>%1 positives over the last %2 days; the busiest day was %3 with %4.</translation>
    </message>
    <message>
        <source>No positives over the last %1 days.</source>
        <translation>No positives over the last %1 days.</translation>
    </message>
    <message>
        <source>The status was not saved: %1</source>
        <translation>The status was not saved: %1</translation>
    </message>
    <message>
        <source>No positive selected</source>
        <translation>No positive selected</translation>
    </message>
    <message>
        <source>Editing %1 (%2):</source>
        <translation>Editing %1 (%2):</translation>
    </message>
    <message>
        <source>Status of %1</source>
        <translation>Status of %1</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Note on %1</translation>
    </message>
    <message>
        <source>Review needs the trust&apos;s audit hub, where the site&apos;s positives are kept. This desk is not set up to use one, so there is no queue to show.</source>
        <translation>Review needs the trust&apos;s audit hub, where the site&apos;s positives are kept. This desk is not set up to use one, so there is no queue to show.</translation>
    </message>
    <message>
        <source>No audit hub</source>
        <translation>No audit hub</translation>
    </message>
    <message>
        <source>Review unavailable since %1 (%2). The queue below is as of %3.</source>
        <translation>Review unavailable since %1 (%2). The queue below is as of %3.</translation>
    </message>
    <message>
        <source>Review unavailable since %1 (%2). The site&apos;s positives could not be read: this is not an empty queue.</source>
        <translation>Review unavailable since %1 (%2). The site&apos;s positives could not be read: this is not an empty queue.</translation>
    </message>
    <message>
        <source>Saved: %1 → %2</source>
        <translation>Saved: %1 → %2</translation>
    </message>
    <message>
        <source>Every plan type</source>
        <translation>Every plan type</translation>
    </message>
    <message>
        <source>Show positives with plan type</source>
        <translation>Show positives with plan type</translation>
    </message>
    <message>
        <source>&amp;Plan type:</source>
        <translation>&amp;Plan type:</translation>
    </message>
</context>
<context>
    <name>cpis::ui::SettingsDialog</name>
    <message>
        <source>CP-IS Desk settings</source>
        <translation>CP-IS Desk settings</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Lock after minutes idle</source>
        <translation>Lock after minutes idle</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for</source>
        <translation>&amp;Lock when idle for</translation>
    </message>
    <message>
        <source>Keep offline answers for hours</source>
        <translation>Keep offline answers for hours</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Keep offline answers for</source>
        <translation>&amp;Keep offline answers for</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>Site type</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Service profile</source>
        <translation>Service profile</translation>
    </message>
    <message>
        <source>training (built-in sandbox, synthetic data)</source>
        <translation>training (built-in sandbox, synthetic data)</translation>
    </message>
    <message>
        <source>Service &amp;profile</source>
        <translation>Service &amp;profile</translation>
    </message>
    <message>
        <source>The profiles, their addresses and the site type are set by your administrator in %1.</source>
        <translation>The profiles, their addresses and the site type are set by your administrator in %1.</translation>
    </message>
    <message>
        <source>The idle lock changes at once; the profile, retention and language when CP-IS Desk next starts.</source>
        <translation>The idle lock changes at once; the profile, retention and language when CP-IS Desk next starts.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::SignInDialog</name>
    <message>
        <source>Sign in to CP-IS Desk</source>
        <translation>Sign in to CP-IS Desk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>TRAINING: synthetic data. Choose a test user and press Enter.</source>
        <translation>TRAINING: synthetic data. Choose a test user and press Enter.</translation>
    </message>
    <message>
        <source>Test users</source>
        <translation>Test users</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Sign in with your NHS smartcard or security key. The sign-in page opens in your web browser.</source>
        <translation>Sign in with your NHS smartcard or security key. The sign-in page opens in your web browser.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>&amp;Open sign-in page</source>
        <translation>&amp;Open sign-in page</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancel sign-in</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <source>The desk was locked by %1 (%2). Sign in again to continue, or sign in as someone else to start afresh.</source>
        <translation>The desk was locked by %1 (%2). Sign in again to continue, or sign in as someone else to start afresh.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::TriageView</name>
    <message>
        <source>&amp;Look-up</source>
        <translation>&amp;Look-up</translation>
    </message>
    <message>
        <source>&amp;NHS No.</source>
        <translation>&amp;NHS No.</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Not searched: %1</translation>
    </message>
    <message>
        <source>CP-IS section</source>
        <translation>CP-IS section</translation>
    </message>
    <message>
        <source>Check the banner against the person in front of you before you read CP-IS.</source>
        <translation>Check the banner against the person in front of you before you read CP-IS.</translation>
    </message>
    <message>
        <source>Banner matches the person (Ctrl+Enter)</source>
        <translation>Banner matches the person (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Confirm the banner matches the person in front of me</source>
        <translation>Confirm the banner matches the person in front of me</translation>
    </message>
    <message>
        <source>&amp;Training scenarios (synthetic)</source>
        <translation>&amp;Training scenarios (synthetic)</translation>
    </message>
    <message>
        <source>Enter on a line puts its number in the NHS No. field.</source>
        <translation>Enter on a line puts its number in the NHS No. field.</translation>
    </message>
    <message>
        <source>Training scenario NHS numbers</source>
        <translation>Training scenario NHS numbers</translation>
    </message>
    <message>
        <source>Warning: this look-up could not be recorded in the audit log.</source>
        <translation>Warning: this look-up could not be recorded in the audit log.</translation>
    </message>
    <message>
        <source>Look-up status</source>
        <translation>Look-up status</translation>
    </message>
    <message>
        <source>No number? Find by details (Ctrl+F)</source>
        <translation>No number? Find by details (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find the patient by their details</source>
        <translation>Find the patient by their details</translation>
    </message>
    <message>
        <source>Type or paste the ten digits and press Enter. Escape cancels and clears.</source>
        <translation>Type or paste the ten digits and press Enter. Escape cancels and clears.</translation>
    </message>
    <message>
        <source>Not this person (Ctrl+Shift+N)</source>
        <translation>Not this person (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Not this person: record it and ask CP-IS nothing</source>
        <translation>Not this person: record it and ask CP-IS nothing</translation>
    </message>
    <message>
        <source>Tracing NHS No. %1 on PDS…</source>
        <translation>Tracing NHS No. %1 on PDS…</translation>
    </message>
    <message>
        <source>Reading the offline copy for NHS No. %1…</source>
        <translation>Reading the offline copy for NHS No. %1…</translation>
    </message>
    <message>
        <source>Asking CP-IS about NHS No. %1…</source>
        <translation>Asking CP-IS about NHS No. %1…</translation>
    </message>
    <message>
        <source>Not this person: recorded. CP-IS was not asked. Check the number with the person and try again.</source>
        <translation>Not this person: recorded. CP-IS was not asked. Check the number with the person and try again.</translation>
    </message>
    <message>
        <source>Not this person. CP-IS was not asked. Warning: this could not be recorded in the audit log.</source>
        <translation>Not this person. CP-IS was not asked. Warning: this could not be recorded in the audit log.</translation>
    </message>
    <message>
        <source>Look-up cancelled: nothing from it will be shown.</source>
        <translation>Look-up cancelled: nothing from it will be shown.</translation>
    </message>
    <message>
        <source>Not a valid NHS number: %1</source>
        <translation>Not a valid NHS number: %1</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Not Known</source>
        <translation>Not Known</translation>
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
        <translation>%1y</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Died %1</source>
        <translation>Died %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Child Protection - Information Sharing desk client.</source>
        <translation>Child Protection - Information Sharing desk client.</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with synthetic data.</source>
        <translation>Run against the built-in sandbox with synthetic data.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>CP-IS Desk</translation>
    </message>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>The training sandbox could not start: %1</translation>
    </message>
    <message>
        <source>Folder of the encrypted store.</source>
        <translation>Folder of the encrypted store.</translation>
    </message>
    <message>
        <source>The secure store could not be opened: %1

CP-IS Desk needs an unlocked system keychain to protect its data, and will not run without one. Nothing was changed.</source>
        <translation>The secure store could not be opened: %1

CP-IS Desk needs an unlocked system keychain to protect its data, and will not run without one. Nothing was changed.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>A&amp;rea list</source>
        <translation>A&amp;rea list</translation>
    </message>
    <message>
        <source>The administrator&apos;s settings cannot be used: %1</source>
        <translation>The administrator&apos;s settings cannot be used: %1</translation>
    </message>
    <message>
        <source>Training mode is not allowed here: %1</source>
        <translation>Training mode is not allowed here: %1</translation>
    </message>
    <message>
        <source>The service profile cannot be used: %1

Nothing was sent. Ask your administrator.</source>
        <translation>The service profile cannot be used: %1

Nothing was sent. Ask your administrator.</translation>
    </message>
    <message>
        <source>This store is already open in another program: %1

Close the other CP-IS Desk or cpis first. Nothing was changed.</source>
        <translation>This store is already open in another program: %1

Close the other CP-IS Desk or cpis first. Nothing was changed.</translation>
    </message>
    <message>
        <source>Look this NHS number up in the desk already running (or in this one, after sign-in).</source>
        <translation>Look this NHS number up in the desk already running (or in this one, after sign-in).</translation>
    </message>
    <message>
        <source>A cpis: link naming an NHS number, as --nhs-number does.</source>
        <translation>A cpis: link naming an NHS number, as --nhs-number does.</translation>
    </message>
</context>
</TS>
