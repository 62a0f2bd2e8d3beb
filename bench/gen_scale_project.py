#!/usr/bin/env python3
"""Writes a large keel project shaped like a real codebase, for the memory benchmark (bench/scale.sh, issue 15).

Usage: gen_scale_project.py OUTDIR [N_ENTITIES [N_OTHER_FILES]]   (defaults: 5000 entities, as many other files)

The project (package com.example.erp, one app per module, no migrations yet):
- common.domain (no app): a chain of generic mapped superclasses, Identified -> Auditable<SELF> ->
  TenantScoped<SELF>, the embeddables Address and Money, the enum Lifecycle, the value BasisPoints with its
  auto-applied converter, and Columns, a holder of constants the entities' annotations name;
  common.support: a generic repository, service and paging types (no JPA);
- ten modules (accounting, catalog, crm, ...), each an app com.example.erp.<module> with
  <module>.domain.<Module>Record<SELF>, one more generic mapped superclass, and N / 10 entities below it:
  every tenth a JOINED hierarchy root, the next one a subclass of it, the one after a subclass of that
  subclass (entity inheritance three deep, under four levels of mapped superclasses); the others plain
  entities with embedded Address and Money (with attribute overrides), an enum, the converted value, a
  unique code, an index, a many-to-one to the previous entity, and now and then a many-to-one to an
  entity of the module before (foreign keys between apps, one way only, so the apps can be migrated);
- N_OTHER_FILES files that map nothing, spread over the modules: services, REST controllers, DTO records,
  repositories and mappers of the entities, each the size such a file has (imports, fields, methods with
  bodies), the bulk of a real code base that the scanner must read but need not keep.
"""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
others = int(sys.argv[3]) if len(sys.argv) > 3 else n
ROOT = "com.example.erp"
MODULES = [("accounting", "acc"), ("catalog", "cat"), ("crm", "crm"), ("fleet", "flt"), ("hr", "hr"),
           ("inventory", "inv"), ("logistics", "log"), ("procurement", "prc"), ("sales", "sal"), ("support", "sup")]
NOUNS = ["Account", "Invoice", "Ledger", "Payment", "Budget", "Contract", "Vendor", "Customer", "Product",
         "Warehouse", "Shipment", "Order", "Quote", "Ticket", "Employee", "Vehicle", "Route", "Carrier", "Asset",
         "Lease", "Claim", "Policy", "Project", "Task", "Timesheet", "Expense", "Receipt", "Voucher", "Journal",
         "Tax", "Discount", "Promotion", "Campaign", "Lead", "Opportunity", "Territory", "Region", "Branch",
         "Department", "Position", "Skill", "Training", "Review", "Incident", "Inspection", "Permit", "License",
         "Batch", "Lot", "Bin"]
QUALIFIERS = ["", "Line", "Entry", "Item", "Note", "Revision", "Schedule", "Snapshot", "Request", "Approval"]
JAVA = os.path.join(out, "src", "main", "java")


def camel(name):
    return name[0].upper() + name[1:]


def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def write(pkg, cls, text):
    d = os.path.join(JAVA, *pkg.split("."))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, cls + ".java"), "w") as f:
        f.write(f"package {pkg};\n\n" + text)


COMMON = f"{ROOT}.common.domain"
SUPPORT = f"{ROOT}.common.support"

write(COMMON, "Columns", """/** Column sizes and names shared by the entities of every module. */
public final class Columns {
    public static final int NAME_LENGTH = 200;
    public static final int CODE_LENGTH = 40;
    public static final int USER_LENGTH = 64;
    public static final int LIFECYCLE_LENGTH = 16;
    public static final String TENANT = "tenant_id";
    public static final String CREATED = "created_" + "at";

    private Columns() {}
}
""")
write(COMMON, "Identified", """import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.Objects;

/** The identity key of every entity. */
@MappedSuperclass
public abstract class Identified {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    public Long getId() {
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && getClass() == other.getClass() && id != null && Objects.equals(id, ((Identified) other).id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
""")
write(COMMON, "Auditable", """import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/** Creation and change times, who made them, and the optimistic lock. */
@MappedSuperclass
public abstract class Auditable<SELF extends Auditable<SELF>> extends Identified {
    @Column(name = Columns.CREATED, nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    private Instant updatedAt;

    @Column(length = Columns.USER_LENGTH)
    private String updatedBy;

    @Version
    private long version;

    @SuppressWarnings("unchecked")
    public SELF touch(String user) {
        this.updatedAt = Instant.now();
        this.updatedBy = user;
        return (SELF) this;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
""")
write(COMMON, "TenantScoped", """import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** Rows that belong to one tenant of the platform. */
@MappedSuperclass
public abstract class TenantScoped<SELF extends TenantScoped<SELF>> extends Auditable<SELF> {
    @Column(name = Columns.TENANT, nullable = false)
    private long tenantId;

    public long getTenantId() {
        return tenantId;
    }

    @SuppressWarnings("unchecked")
    public SELF forTenant(long tenant) {
        this.tenantId = tenant;
        return (SELF) this;
    }
}
""")
write(COMMON, "Address", """import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    @Column(length = 120)
    private String street;

    @Column(length = 80)
    private String city;

    @Column(length = 12)
    private String postalCode;

    @Column(length = 2)
    private String country;

    public String singleLine() {
        return String.join(", ", street, postalCode + " " + city, country);
    }
}
""")
write(COMMON, "Money", """import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

@Embeddable
public class Money {
    @Column(precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(length = 3)
    private String currency;

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        Money sum = new Money();
        sum.amount = amount.add(other.amount);
        sum.currency = currency;
        return sum;
    }
}
""")
write(COMMON, "Lifecycle", """public enum Lifecycle {
    DRAFT, ACTIVE, SUSPENDED, ARCHIVED
}
""")
write(COMMON, "BasisPoints", """/** A rate in hundredths of a percent. */
public record BasisPoints(int value) {
    public double asFraction() {
        return value / 10_000.0;
    }
}
""")
write(COMMON, "BasisPointsConverter", """import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class BasisPointsConverter implements AttributeConverter<BasisPoints, Integer> {
    @Override
    public Integer convertToDatabaseColumn(BasisPoints value) {
        return value == null ? null : value.value();
    }

    @Override
    public BasisPoints convertToEntityAttribute(Integer value) {
        return value == null ? null : new BasisPoints(value);
    }
}
""")
write(SUPPORT, "Page", """import java.util.List;
import java.util.function.Function;

/** One page of a listing. */
public record Page<T>(List<T> items, int number, int size, long total) {
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), number, size, total);
    }

    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }
}
""")
write(SUPPORT, "Repository", f"""import {COMMON}.Identified;

import java.util.List;
import java.util.Optional;

/** Storage of one kind of entity. */
public interface Repository<T extends Identified> {{
    Optional<T> findById(long id);

    List<T> findAll(int offset, int limit);

    long count();

    T save(T entity);

    void delete(T entity);
}}
""")
write(SUPPORT, "CrudService", f"""import {COMMON}.Identified;

import java.util.NoSuchElementException;

/** Reading and writing one kind of entity, with the checks every service makes. */
public abstract class CrudService<T extends Identified> {{
    protected final Repository<T> repository;

    protected CrudService(Repository<T> repository) {{
        this.repository = repository;
    }}

    public T get(long id) {{
        return repository.findById(id).orElseThrow(() -> new NoSuchElementException("no " + kind() + " " + id));
    }}

    public Page<T> list(int page, int size) {{
        if (page < 0 || size <= 0 || size > 500) {{
            throw new IllegalArgumentException("page " + page + " of size " + size);
        }}
        return new Page<>(repository.findAll(page * size, size), page, size, repository.count());
    }}

    protected abstract String kind();
}}
""")

# The entities of each module.
per_module = [n // len(MODULES) + (1 if i < n % len(MODULES) else 0) for i in range(len(MODULES))]
names = [camel(noun + q) for q in QUALIFIERS for noun in NOUNS]
entities = []  # (module index, class name, kind, package)
for mi, (module, prefix) in enumerate(MODULES):
    for j in range(per_module[mi]):
        base = names[j % len(names)] + ("" if j < len(names) else str(j // len(names) + 1))
        kind = ("root", "sub", "subsub", "plain", "plain", "plain", "plain", "plain", "plain", "plain")[j % 10]
        entities.append((mi, base, kind, f"{ROOT}.{module}.domain"))
by_module = [[e for e in entities if e[0] == mi] for mi in range(len(MODULES))]

for mi, (module, prefix) in enumerate(MODULES):
    pkg = f"{ROOT}.{module}.domain"
    record = camel(module) + "Record"
    write(pkg, record, f"""import {COMMON}.Columns;
import {COMMON}.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What every {module} record carries: the tenant's reference for it. */
@MappedSuperclass
public abstract class {record}<SELF extends {record}<SELF>> extends TenantScoped<SELF> {{
    @Column(nullable = false, length = Columns.CODE_LENGTH)
    private String reference;

    public String getReference() {{
        return reference;
    }}
}}
""")
    mine = by_module[mi]
    for j, (_, cls, kind, _) in enumerate(mine):
        table = f"{prefix}_{snake(cls)}"
        imports = {f"{COMMON}.Columns", "jakarta.persistence.Column", "jakarta.persistence.Entity",
                   "jakarta.persistence.Table"}
        body = []
        annotations = ["@Entity"]
        if kind == "root":
            imports |= {"jakarta.persistence.Inheritance", "jakarta.persistence.InheritanceType"}
            annotations.append("@Inheritance(strategy = InheritanceType.JOINED)")
            extends = f"{record}<{cls}>"
        elif kind == "sub":
            imports.add("jakarta.persistence.PrimaryKeyJoinColumn")
            annotations.append(f'@PrimaryKeyJoinColumn(name = "{snake(mine[j - 1][1])}_id")')
            extends = mine[j - 1][1]
        elif kind == "subsub":
            extends = mine[j - 1][1]
        else:
            extends = f"{record}<{cls}>"
        if kind in ("root", "plain"):
            imports |= {"jakarta.persistence.Index", f"{COMMON}.Lifecycle", "jakarta.persistence.EnumType",
                        "jakarta.persistence.Enumerated"}
            annotations.append(f'@Table(name = "{table}", indexes = @Index(name = "ix_{table}_name", columnList = "name"))')
            body.append("    @Column(nullable = false, length = Columns.NAME_LENGTH)\n    private String name;\n")
            body.append("    @Column(nullable = false, unique = true, length = Columns.CODE_LENGTH)\n    private String code;\n")
            body.append("    @Enumerated(EnumType.STRING)\n    @Column(nullable = false, length = Columns.LIFECYCLE_LENGTH)\n"
                        "    private Lifecycle lifecycle = Lifecycle.DRAFT;\n")
            body.append('    @Column(columnDefinition = "text")\n    private String description;\n')
        else:
            annotations.append(f'@Table(name = "{table}")')
            body.append(f"    @Column(length = Columns.NAME_LENGTH)\n    private String {cls[0].lower() + cls[1:]}Label;\n")
            body.append("    private Integer priority;\n")
        if kind == "plain":
            imports |= {f"{COMMON}.Address", f"{COMMON}.Money", f"{COMMON}.BasisPoints", "jakarta.persistence.Embedded",
                        "jakarta.persistence.AttributeOverride", "jakarta.persistence.AttributeOverrides"}
            body.append("    @Embedded\n    private Address address;\n")
            body.append("    @Embedded\n    @AttributeOverrides({\n"
                        '            @AttributeOverride(name = "amount", column = @Column(name = "total_amount")),\n'
                        '            @AttributeOverride(name = "currency", column = @Column(name = "total_currency", length = 3))\n'
                        "    })\n    private Money total;\n")
            body.append("    private BasisPoints discount;\n")
            previous = next((e for e in reversed(mine[:j]) if e[2] == "plain"), None)
            if previous is not None:
                imports |= {"jakarta.persistence.FetchType", "jakarta.persistence.JoinColumn", "jakarta.persistence.ManyToOne"}
                body.append(f'    @ManyToOne(fetch = FetchType.LAZY)\n    @JoinColumn(name = "parent_id")\n'
                            f"    private {previous[1]} parent;\n")
            if mi > 0 and j % 50 == 5:
                target = by_module[mi - 1][j % len(by_module[mi - 1])]
                imports |= {"jakarta.persistence.FetchType", "jakarta.persistence.JoinColumn",
                            "jakarta.persistence.ManyToOne", f"{target[3]}.{target[1]}"}
                body.append(f'    @ManyToOne(fetch = FetchType.LAZY)\n    @JoinColumn(name = "{MODULES[mi - 1][0]}_ref_id")\n'
                            f"    private {target[1]} {MODULES[mi - 1][0]}Ref;\n")
            imports.add("jakarta.persistence.Transient")
            body.append("    @Transient\n    private boolean dirty;\n")
        imports = sorted(i for i in imports if not i.startswith(pkg + ".") or i.count(".") > pkg.count(".") + 1)
        text = "".join(f"import {i};\n" for i in imports) + "\n"
        text += "\n".join(annotations) + f"\npublic class {cls} extends {extends} {{\n"
        text += "\n".join(body)
        text += (f"\n    public boolean isComplete() {{\n        return getReference() != null && !getReference().isBlank();\n    }}\n\n"
                 f"    @Override\n    public String toString() {{\n        return \"{cls}#\" + getId();\n    }}\n}}\n")
        write(pkg, cls, text)

# The files that map nothing: services, controllers, DTOs, repositories, mappers.
KINDS = ["Service", "Controller", "Dto", "Repository", "Mapper"]
for k in range(others):
    mi, cls, _, epkg = entities[k % len(entities)]
    module = MODULES[mi][0]
    kind = KINDS[(k // len(entities) + k) % len(KINDS)]
    suffix = "" if k < len(entities) else str(k // len(entities) + 1)
    var = cls[0].lower() + cls[1:]
    if kind == "Service":
        pkg, name = f"{ROOT}.{module}.service", f"{cls}Service{suffix}"
        text = f"""import {epkg}.{cls};
import {SUPPORT}.CrudService;
import {SUPPORT}.Page;
import {SUPPORT}.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Business rules for {cls} records. */
@Service
@Transactional(readOnly = true)
public class {name} extends CrudService<{cls}> {{
    private static final Logger LOG = LoggerFactory.getLogger({name}.class);
    private static final int BATCH = 250;

    private final Clock clock;

    public {name}(Repository<{cls}> repository, Clock clock) {{
        super(repository);
        this.clock = clock;
    }}

    @Override
    protected String kind() {{
        return "{snake(cls).replace('_', ' ')}";
    }}

    @Transactional
    public {cls} touch(long id, String user) {{
        {cls} {var} = get(id);
        {var}.touch(user);
        LOG.debug("{cls} {{}} touched by {{}} at {{}}", id, user, Instant.now(clock));
        return repository.save({var});
    }}

    public Map<Boolean, List<{cls}>> partitionByCompleteness(int page) {{
        Page<{cls}> listed = list(page, BATCH);
        return listed.items().stream().collect(Collectors.partitioningBy({cls}::isComplete));
    }}

    @Transactional
    public int archiveIncomplete() {{
        int archived = 0;
        for (int page = 0; ; page++) {{
            Page<{cls}> listed = list(page, BATCH);
            for ({cls} item : listed.items()) {{
                if (!item.isComplete()) {{
                    repository.delete(item);
                    archived++;
                }}
            }}
            if (!listed.hasNext()) {{
                break;
            }}
        }}
        LOG.info("archived {{}} incomplete {snake(cls)} records", archived);
        return archived;
    }}
}}
"""
    elif kind == "Controller":
        pkg, name = f"{ROOT}.{module}.web", f"{cls}Controller{suffix}"
        text = f"""import {epkg}.{cls};
import {ROOT}.{module}.service.{cls}Service;
import {SUPPORT}.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/{module}/{snake(cls).replace('_', '-')}s")
public class {name} {{
    private final {cls}Service service;

    public {name}({cls}Service service) {{
        this.service = service;
    }}

    @GetMapping
    public Page<String> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {{
        return service.list(page, size).map({cls}::toString);
    }}

    @GetMapping("/{{id}}")
    public ResponseEntity<String> get(@PathVariable long id) {{
        try {{
            return ResponseEntity.ok(service.get(id).toString());
        }} catch (java.util.NoSuchElementException e) {{
            return ResponseEntity.notFound().build();
        }}
    }}

    @PostMapping("/{{id}}/touch")
    public ResponseEntity<Void> touch(@PathVariable long id, @RequestParam String user) {{
        service.touch(id, user);
        return ResponseEntity.noContent().build();
    }}
}}
"""
    elif kind == "Dto":
        pkg, name = f"{ROOT}.{module}.dto", f"{cls}Dto{suffix}"
        text = f"""import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** What the API shows of a {cls}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record {name}(
        @JsonProperty("id") Long id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) String code,
        String lifecycle,
        Instant createdAt,
        Instant updatedAt,
        List<String> warnings) {{

    public {name} {{
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }}

    public {name} withWarning(String warning) {{
        var all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new {name}(id, name, code, lifecycle, createdAt, updatedAt, all);
    }}

    public boolean isFresh(Instant now) {{
        return updatedAt == null || updatedAt.isAfter(now.minusSeconds(3600));
    }}
}}
"""
    elif kind == "Repository":
        pkg, name = f"{ROOT}.{module}.repository", f"{cls}Repository{suffix}"
        text = f"""import {epkg}.{cls};
import {SUPPORT}.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface {name} extends Repository<{cls}> {{
    Optional<{cls}> findByCode(String code);

    List<{cls}> findByUpdatedAtBefore(Instant cutoff);

    default List<{cls}> stale(Instant now) {{
        return findByUpdatedAtBefore(now.minusSeconds(30L * 24 * 3600));
    }}

    default boolean exists(String code) {{
        return findByCode(code).isPresent();
    }}
}}
"""
    else:
        pkg, name = f"{ROOT}.{module}.mapping", f"{cls}Mapper{suffix}"
        text = f"""import {epkg}.{cls};

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns {cls} records into the shapes the API and the reports need. */
public final class {name} {{
    private {name}() {{}}

    public static Map<Long, String> labels(Collection<{cls}> items) {{
        return items.stream().collect(Collectors.toMap({cls}::getId, {cls}::toString, (a, b) -> a));
    }}

    public static List<String> report(Collection<{cls}> items, Function<{cls}, String> column) {{
        var lines = new ArrayList<String>(items.size() + 1);
        lines.add("id;value;complete");
        for ({cls} item : items) {{
            String value = column.apply(item);
            lines.add(item.getId() + ";" + (value == null ? "" : value.replace(";", ",")) + ";" + item.isComplete());
        }}
        return lines;
    }}
}}
"""
    write(pkg, name, text)

apps = ",\n".join(f'    {{"label": "{m}", "package": "{ROOT}.{m}", "migrationsPackage": "{ROOT}.{m}.migrations"}}'
                  for m, _ in MODULES)
with open(os.path.join(out, "keel.json"), "w") as f:
    f.write('{\n  "sourceRoots": ["src/main/java"],\n  "naming": "snake_case",\n  "beanValidation": false,\n'
            f'  "apps": [\n{apps}\n  ]\n}}\n')
files = sum(len(fs) for _, _, fs in os.walk(JAVA))
print(f"{n} entities in {len(MODULES)} apps, {files} source files in {out}")
