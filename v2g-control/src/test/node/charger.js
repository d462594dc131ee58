// A real third-party OCPP client (ocpp-rpc, strictMode) acting as one bidirectional charger against
// the Gridfleet gateway. Usage: node charger.js <port> <ocpp1.6|ocpp2.0.1|ocpp2.1> <chargerId> <password> <schemaDir>
// Prints one line per step; exits 0 only when every expectation held.
'use strict';
const fs = require('fs'), path = require('path');
const { RPCClient, createValidator } = require('ocpp-rpc');
const [port, version, identity, password, schemaRoot] = process.argv.slice(2);

// ocpp-rpc 2.2.1 looks up urn:<Action>.req/.conf but ships 2.1 schemas keyed urn:<Action>Request;
// build a validator from the official files instead (files stay unedited on disk).
function ocpp21Validator(dir) {
  const schemas = fs.readdirSync(dir).filter(f => f.endsWith('.json')).map(f => {
    const s = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), n = f.slice(0, -5);
    const id = n.endsWith('Response') ? `urn:${n.slice(0, -8)}.conf` : `urn:${n.replace(/Request$/, '')}.req`;
    return { ...s, $id: id, $schema: 'http://json-schema.org/draft-07/schema' };
  });
  return createValidator('ocpp2.1', schemas);
}

const v16 = version === 'ocpp1.6';
const now = () => new Date().toISOString();
function fail(msg) { console.log('FAIL ' + msg); process.exit(1); }
function client(strict) {
  const opts = { endpoint: `ws://127.0.0.1:${port}/ocpp`, identity, password, protocols: [version], strictMode: strict, reconnect: false };
  if (strict && version === 'ocpp2.1') opts.strictModeValidators = [ocpp21Validator(path.join(schemaRoot, '2.1'))];
  return new RPCClient(opts);
}
function sampled(soc, powerW, energyWh) {
  if (v16) return [{ value: String(soc), measurand: 'SoC', unit: 'Percent', location: 'EV' },
    { value: String(powerW), measurand: 'Power.Active.Import', unit: 'W' },
    { value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }];
  return [{ value: soc, measurand: 'SoC', location: 'EV', unitOfMeasure: { unit: 'Percent' } },
    { value: powerW, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } },
    { value: energyWh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }];
}

async function strictSession() {
  const cli = client(true);
  let resolveSetpoint;
  const gotDischarge = new Promise(r => { resolveSetpoint = r; });
  const profiles = [];
  cli.handle('SetChargingProfile', ({ params }) => {
    profiles.push(params);
    const p = v16 ? params.csChargingProfiles : params.chargingProfile;
    const period = v16 ? p.chargingSchedule.chargingSchedulePeriod[0] : p.chargingSchedule[0].chargingSchedulePeriod[0];
    console.log('RECEIVED SetChargingProfile ' + p.chargingProfilePurpose + ' ' + JSON.stringify(period));
    const value = period.setpoint !== undefined ? period.setpoint : period.limit;
    if (p.chargingProfilePurpose === 'TxProfile' && value < 0) resolveSetpoint(value);
    return { status: 'Accepted' };
  });
  cli.handle('UpdateDynamicSchedule', ({ params }) => {
    console.log('RECEIVED UpdateDynamicSchedule ' + JSON.stringify(params.scheduleUpdate));
    if (params.scheduleUpdate.setpoint < 0) resolveSetpoint(params.scheduleUpdate.setpoint);
    return { status: 'Accepted' };
  });
  await cli.connect();
  if (cli.protocol !== version) fail('negotiated ' + cli.protocol);
  const boot = await cli.call('BootNotification', v16
    ? { chargePointVendor: 'Gridfleet', chargePointModel: 'BPT-22' }
    : { reason: 'PowerUp', chargingStation: { vendorName: 'Gridfleet', model: 'BPT-22' } });
  if (boot.status !== 'Accepted') fail('boot ' + boot.status);
  console.log('BOOT ' + boot.status + ' interval=' + boot.interval);
  await cli.call('Heartbeat', {});
  if (v16) {
    await cli.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    const start = await cli.call('StartTransaction', { connectorId: 1, idTag: 'VEH-TOKEN', meterStart: 10000, timestamp: now() });
    console.log('TRANSACTION ' + start.transactionId);
    await cli.call('MeterValues', { connectorId: 1, transactionId: start.transactionId, meterValue: [{ timestamp: now(), sampledValue: sampled(42, 7000, 10000) }] });
  } else {
    await cli.call('StatusNotification', { timestamp: now(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    await cli.call('TransactionEvent', { eventType: 'Started', timestamp: now(), triggerReason: 'CablePluggedIn', seqNo: 0,
      transactionInfo: { transactionId: 'tx-' + identity, chargingState: 'EVConnected' }, evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'VEH-TOKEN', type: 'ISO14443' },
      meterValue: [{ timestamp: now(), sampledValue: sampled(42, 7000, 10000) }] });
    console.log('TRANSACTION tx-' + identity);
  }
  console.log('SOC_REPORTED 42');
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error('no discharge setpoint within 10 s')), 10000));
  const w = await Promise.race([gotDischarge, timeout]).catch(e => fail(e.message));
  console.log('DISCHARGE_SETPOINT ' + w);
  await cli.close();
}

async function malformed() {
  const cli = client(false);
  const inbound = [];
  cli.on('message', ({ message, outbound }) => { if (!outbound) inbound.push(JSON.parse(String(message))); });
  await cli.connect();
  await cli.call('BootNotification', v16
    ? { chargePointVendor: 'Gridfleet', chargePointModel: 'BPT-22' }
    : { reason: 'PowerUp', chargingStation: { vendorName: 'Gridfleet', model: 'BPT-22' } });
  const expectations = [];
  // A payload missing a required field: the gateway must refuse it with an occurrence violation.
  const missing = await cli.call('Heartbeat', {}).then(() => cli.call('StatusNotification', {}))
    .then(() => null, e => e.rpcErrorCode || e.code);
  expectations.push(['missing required field', missing, ['OccurrenceConstraintViolation', 'OccurenceConstraintViolation']]);
  const raw = async (text, id) => {
    cli.sendRaw(text);
    for (let i = 0; i < 50; i++) {
      const m = inbound.find(x => x[0] === 4 && x[1] === id);
      if (m) return m[2];
      await new Promise(r => setTimeout(r, 20));
    }
    return 'no answer';
  };
  expectations.push(['not JSON', await raw('this is not json', '-1'), ['FormatViolation']]);
  expectations.push(['CALL without payload', await raw('[2,"m-1","Heartbeat"]', 'm-1'), ['FormatViolation']]);
  expectations.push(['unknown action', await raw('[2,"m-2","MakeCoffee",{}]', 'm-2'), ['NotImplemented']]);
  expectations.push(['wrong type', await raw(v16 ? '[2,"m-3","StatusNotification",{"connectorId":"one","errorCode":"NoError","status":"Available"}]'
    : '[2,"m-3","StatusNotification",{"timestamp":"2026-11-28T18:00:00Z","connectorStatus":"Occupied","evseId":"one","connectorId":1}]', 'm-3'), ['TypeConstraintViolation']]);
  let ok = true;
  for (const [what, got, want] of expectations) {
    console.log('CALLERROR ' + what + ' -> ' + got);
    if (!want.includes(got)) { ok = false; console.log('FAIL expected ' + want.join('|')); }
  }
  await cli.close();
  if (!ok) process.exit(1);
}

strictSession().then(malformed).then(() => { console.log('DONE ' + version); process.exit(0); })
  .catch(e => fail(e.stack || e.message));
