<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
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
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>CP-IS Desk</source>
        <translation>Desg CP-IS</translation>
    </message>
    <message>
        <source>TRAINING: synthetic data</source>
        <translation>HYFFORDDIANT: data synthetig</translation>
    </message>
    <message>
        <source>Training mode: all data is synthetic</source>
        <translation>Modd hyfforddi: mae&apos;r holl ddata yn synthetig</translation>
    </message>
    <message>
        <source>CP-IS Desk

Connected to %1</source>
        <translation>Desg CP-IS

Wedi cysylltu â %1</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Cyfeiriad y gwasanaeth</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Modd hyfforddi</translation>
    </message>
    <message>
        <source>Live service</source>
        <translation>Gwasanaeth byw</translation>
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
</context>
</TS>
