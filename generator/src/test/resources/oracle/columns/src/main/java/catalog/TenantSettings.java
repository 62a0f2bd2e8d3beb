package catalog;

import jakarta.persistence.*;
import org.hibernate.annotations.Type;

import java.util.List;
import java.util.Map;

/** Per-tenant configuration of the catalog. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings {
    @Id
    @Column(name = "tenant_id", length = 40)
    private String tenantId;

    @Type(JsonMapType.class)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> preferences;

    @Type(JsonMapType.class)
    @Column(name = "feature_flags", columnDefinition = "jsonb", nullable = false)
    private Map<String, Object> featureFlags;

    @Type(JsonListType.class)
    private List<String> enabledLocales;

    @Type(CommaSeparatedType.class)
    @Column(length = 500)
    private List<String> allowedDomains;

    @Type(CommaSeparatedType.class)
    @Column(columnDefinition = "text")
    private List<String> blockedKeywords;

    private String displayName;
}
