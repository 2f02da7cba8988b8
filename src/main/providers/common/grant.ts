import { z } from 'zod';
import { ProviderError, providerProblem, readJson, type HttpClient, type HttpRequest, type TokenGrant } from '../../http';

/**
 * Both identity providers answer the OAuth2 way: `{access_token, expires_in}`, or a 400/401 with
 * `{error, error_description}` when the credentials are refused. A refusal is PROVIDER_AUTH carrying
 * the provider's own words, so the account form can say what is wrong.
 */

const TokenReply = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export async function requestGrant(http: HttpClient, req: HttpRequest, who: string): Promise<TokenGrant> {
  const res = await http.send(req);
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const problem = providerProblem(res);
    const said = [problem.providerCode, problem.providerMessage].filter(Boolean).join(': ');
    throw new ProviderError('PROVIDER_AUTH', `${who} refused the credentials${said ? `: ${said}` : ` (HTTP ${res.status})`}.`, {
      host: new URL(res.url).host,
      status: res.status,
      ...problem,
    });
  }
  const { value } = readJson(res, req, TokenReply);
  return { token: value.access_token, expiresInSeconds: value.expires_in };
}
