// A certified OpenID Provider (the npm package oidc-provider, pinned in tests/npm) dressed as
// NHS CIS2 for the sign-in tests (../shared/cis2.md): the issuer under a realm path, CIS2's
// endpoint names, the nationalrbacaccess / associatedorgs / selectedrole claims, acr values,
// private_key_jwt clients and RS256 ID tokens.
//
// node cis2-provider.mjs <npm dir> <config.json>
// config: { keyDir, signingKids: ["k1"], clients: [...client metadata], accounts: {id: {...}} }
// Prints "listening <port> <issuer>" once it listens on 127.0.0.1.
//
// The browser's part (login, role selection) is done here without pages: before following an
// authorization URL a test names who signs in and in which role with
//   GET /test/next?account=<id>&role=<person_roleid>[&aud=<value>]
// `aud` makes the next token response carry an ID token re-signed by the provider's own key
// with that audience, to show that the desk refuses it.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [npmDir, configPath] = process.argv.slice(2);
const req = createRequire(resolve(npmDir, 'package.json'));
const { default: Provider } = await import(pathToFileURL(req.resolve('oidc-provider')).href);
const jose = await import(pathToFileURL(req.resolve('jose')).href);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const realm = '/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare';

// Signing keys persist in keyDir by kid, so a restart with ["k2", "k1"] rotates: k2 signs,
// k1 is still published.
async function signingKey(kid) {
  const file = join(config.keyDir, `${kid}.jwk.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await jose.exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}
const keys = [];
for (const kid of config.signingKids) keys.push(await signingKey(kid));

let next = {};
const selected = {};

const server = createServer();
await new Promise((done) => server.listen(config.port ?? 0, '127.0.0.1', done));
const port = server.address().port;
const issuer = `http://127.0.0.1:${port}${realm}`;

const provider = new Provider(issuer, {
  clients: config.clients,
  jwks: { keys },
  cookies: { keys: ['cis2-provider-test-cookie-key'] },
  routes: {
    authorization: '/authorize',
    token: '/access_token',
    userinfo: '/userinfo',
    jwks: '/connect/jwk_uri',
    end_session: '/connect/endSession',
    revocation: '/token/revoke',
  },
  scopes: ['openid', 'profile', 'nationalrbacaccess', 'associatedorgs', 'selectedrole', 'offline_access'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'family_name', 'given_name', 'uid'],
    nationalrbacaccess: ['nhsid_nrbac_roles'],
    associatedorgs: ['nhsid_user_orgs'],
    selectedrole: ['selected_roleid'],
  },
  acrValues: ['AAL3_ANY', 'AAL2_OR_AAL3_ANY', 'AAL2_ANY'],
  // CIS2 puts selected_roleid in the ID token (cis2.md §4).
  conformIdTokenClaims: false,
  enabledJWA: {
    clientAuthSigningAlgValues: ['RS256', 'RS512'],
    idTokenSigningAlgValues: ['RS256'],
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  ttl: { IdToken: config.idTokenSeconds ?? 3600, AccessToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
  interactions: { url: (ctx, interaction) => `${realm}/interaction/${interaction.uid}` },
  findAccount: async (ctx, sub) => {
    const a = config.accounts[sub];
    if (!a) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        uid: sub,
        name: a.name,
        given_name: a.given_name,
        family_name: a.family_name,
        nhsid_nrbac_roles: a.roles,
        nhsid_user_orgs: a.orgs,
        ...(a.roles.length ? { selected_roleid: selected[sub] ?? a.roles[0].person_roleid } : {}),
      }),
    };
  },
});

provider.use(async (ctx, nextMiddleware) => {
  await nextMiddleware();
  if (ctx.path === '/access_token' && next.aud && ctx.body && ctx.body.id_token) {
    const claims = jose.decodeJwt(ctx.body.id_token);
    claims.aud = next.aud;
    const key = await jose.importJWK(keys[0], 'RS256');
    ctx.body.id_token = await new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: keys[0].kid, typ: 'JWT' })
      .sign(key);
  }
});

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    const id = next.account;
    const a = config.accounts[id];
    if (!a) throw new Error('no next account set');
    if (next.role) selected[id] = next.role;
    else delete selected[id];
    await provider.interactionFinished(req, res,
      { login: { accountId: id, acr: a.acr, amr: a.amr ?? ['N3_SMARTCARD'] } },
      { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/test/next') {
      next = Object.fromEntries(url.searchParams);
      res.writeHead(204).end();
      return;
    }
    if (!url.pathname.startsWith(realm)) {
      res.writeHead(404).end();
      return;
    }
    if (url.pathname.startsWith(`${realm}/interaction/`)) {
      await interaction(req, res);
      return;
    }
    // As a router that mounts the provider would: it finds its mount path from originalUrl.
    req.originalUrl = req.url;
    req.url = req.url.slice(realm.length) || '/';
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
});
process.stdout.write(`listening ${port} ${issuer}\n`);
