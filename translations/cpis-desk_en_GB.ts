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
    <name>QCoreApplication</name>
    <message>
        <source>The national service is busy. Try again shortly.</source>
        <translation>The national service is busy. Try again shortly.</translation>
    </message>
</context>
<context>
    <name>cpis::LookupResult</name>
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
        <source>Your sign-in has expired. Sign in again to check CP-IS.</source>
        <translation>Your sign-in has expired. Sign in again to check CP-IS.</translation>
    </message>
    <message>
        <source>The national service sent an answer that could not be read.</source>
        <translation>The national service sent an answer that could not be read.</translation>
    </message>
    <message>
        <source>The national service refused access for your role.</source>
        <translation>The national service refused access for your role.</translation>
    </message>
    <message>
        <source>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</source>
        <translation>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</translation>
    </message>
    <message>
        <source>Your role does not include access to CP-IS.</source>
        <translation>Your role does not include access to CP-IS.</translation>
    </message>
</context>
<context>
    <name>cpis::SignInFlow</name>
    <message>
        <source>Could not open a local port for the sign-in reply: %1</source>
        <translation>Could not open a local port for the sign-in reply: %1</translation>
    </message>
    <message>
        <source>The sign-in reply did not match this sign-in attempt.</source>
        <translation>The sign-in reply did not match this sign-in attempt.</translation>
    </message>
    <message>
        <source>Sign-in was refused: %1</source>
        <translation>Sign-in was refused: %1</translation>
    </message>
    <message>
        <source>The sign-in reply carried no authorization code.</source>
        <translation>The sign-in reply carried no authorization code.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <source>The sign-in service gave an unusable token.</source>
        <translation>The sign-in service gave an unusable token.</translation>
    </message>
    <message>
        <source>Could not read your user details: %1</source>
        <translation>Could not read your user details: %1</translation>
    </message>
    <message>
        <source>Your user details name no selected role.</source>
        <translation>Your user details name no selected role.</translation>
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
        <source>(all ended)</source>
        <translation>(all ended)</translation>
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
    <message numerus="yes">
        <source>OFFLINE COPY, as of %1 (%n hour(s) old), not a live answer. %2</source>
        <translation>
            <numerusform>OFFLINE COPY, as of %1 (%n hour old), not a live answer. %2</numerusform>
            <numerusform>OFFLINE COPY, as of %1 (%n hours old), not a live answer. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history could not be loaded.</source>
        <translation>Access history could not be loaded.</translation>
    </message>
    <message>
        <source>CP-IS result</source>
        <translation>CP-IS result</translation>
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
        <source>CP-IS Desk</source>
        <translation>CP-IS Desk</translation>
    </message>
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
        <source>Live service at %1</source>
        <translation>Live service at %1</translation>
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
        <source>&amp;NHS No.</source>
        <translation>&amp;NHS No.</translation>
    </message>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Type or paste the ten digits and press Enter. Escape clears.</source>
        <translation>Type or paste the ten digits and press Enter. Escape clears.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Not searched: %1</translation>
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
        <source>CP-IS section</source>
        <translation>CP-IS section</translation>
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
        <source>Local &amp;directory…</source>
        <translation>Local &amp;directory…</translation>
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
        <source>Your role has no CP-IS access: look-ups will be refused.</source>
        <translation>Your role has no CP-IS access: look-ups will be refused.</translation>
    </message>
    <message>
        <source>Checking PDS and CP-IS for NHS No. %1…</source>
        <translation>Checking PDS and CP-IS for NHS No. %1…</translation>
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
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>CP-IS Desk is locked. Sign in again to continue.</source>
        <translation>CP-IS Desk is locked. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Signed out. Sign in to use CP-IS Desk.</source>
        <translation>Signed out. Sign in to use CP-IS Desk.</translation>
    </message>
    <message>
        <source>Warning: could not write to the audit log: %1</source>
        <translation>Warning: could not write to the audit log: %1</translation>
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
        <source>Restricted record: address and contact details are withheld.</source>
        <translation>Restricted record: address and contact details are withheld.</translation>
    </message>
    <message>
        <source>%1, born %2, gender %3, NHS number %4</source>
        <translation>%1, born %2, gender %3, NHS number %4</translation>
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
        <source>Training (built-in sandbox, synthetic data)</source>
        <translation>Training (built-in sandbox, synthetic data)</translation>
    </message>
    <message>
        <source>Live national service</source>
        <translation>Live national service</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Environment</translation>
    </message>
    <message>
        <source>Service URL</source>
        <translation>Service URL</translation>
    </message>
    <message>
        <source>Service &amp;URL</source>
        <translation>Service &amp;URL</translation>
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
        <source>Unscheduled care (emergency, walk-in, maternity, out of hours)</source>
        <translation>Unscheduled care (emergency, walk-in, maternity, out of hours)</translation>
    </message>
    <message>
        <source>Scheduled care (GP in hours, 0-19 services)</source>
        <translation>Scheduled care (GP in hours, 0-19 services)</translation>
    </message>
    <message>
        <source>&amp;Site type</source>
        <translation>&amp;Site type</translation>
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
        <source>The idle lock changes at once; the service, retention, site type and language when CP-IS Desk next starts.</source>
        <translation>The idle lock changes at once; the service, retention, site type and language when CP-IS Desk next starts.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <source>could not listen for the sign-in answer on this computer</source>
        <translation>could not listen for the sign-in answer on this computer</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
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
        <source>Training: sign in as this test user on start.</source>
        <translation>Training: sign in as this test user on start.</translation>
    </message>
    <message>
        <source>Training: look this number up and confirm the banner.</source>
        <translation>Training: look this number up and confirm the banner.</translation>
    </message>
    <message>
        <source>Training: leave the banner unconfirmed.</source>
        <translation>Training: leave the banner unconfirmed.</translation>
    </message>
    <message>
        <source>Training: stop the sandbox after a first look-up and look up again (the offline copy).</source>
        <translation>Training: stop the sandbox after a first look-up and look up again (the offline copy).</translation>
    </message>
    <message>
        <source>Training: lock the desk after the demo look-up.</source>
        <translation>Training: lock the desk after the demo look-up.</translation>
    </message>
    <message>
        <source>Save the window as PNG after the demo, then quit.</source>
        <translation>Save the window as PNG after the demo, then quit.</translation>
    </message>
    <message>
        <source>The secure store could not be opened: %1

CP-IS Desk needs an unlocked system keychain to protect its data, and will not run without one. Nothing was changed.</source>
        <translation>The secure store could not be opened: %1

CP-IS Desk needs an unlocked system keychain to protect its data, and will not run without one. Nothing was changed.</translation>
    </message>
</context>
</TS>
