package news.broadsheet.api.internal;

import java.util.Set;
import news.broadsheet.account.StaffPrincipal;

/**
 * Whoever presented a valid token on this request: the account as it is now (role, name) and the
 * token's scopes that this role still allows.
 */
public record ApiCaller(long tokenId, StaffPrincipal staff, Set<ApiScope> scopes) {

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }
}
