using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ecai.Domain.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    displayname = table.Column<string>(type: "text", nullable: false),
                    username = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedusername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedemail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    emailconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    passwordhash = table.Column<string>(type: "text", nullable: true),
                    securitystamp = table.Column<string>(type: "text", nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true),
                    phonenumber = table.Column<string>(type: "text", nullable: true),
                    phonenumberconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    twofactorenabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockoutend = table.Column<long>(type: "bigint", nullable: true),
                    lockoutenabled = table.Column<bool>(type: "boolean", nullable: false),
                    accessfailedcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bots",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    linechannelid = table.Column<string>(type: "text", nullable: true),
                    protectedlinesecrets = table.Column<string>(type: "text", nullable: true),
                    liffid = table.Column<string>(type: "text", nullable: true),
                    lineloginchannelid = table.Column<string>(type: "text", nullable: true),
                    identityformdonemessage = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobruns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    startedat = table.Column<long>(type: "bigint", nullable: false),
                    endedat = table.Column<long>(type: "bigint", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: true),
                    customers = table.Column<long>(type: "bigint", nullable: false),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    skipped = table.Column<long>(type: "bigint", nullable: false),
                    linked = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    operatorid = table.Column<string>(type: "text", nullable: true),
                    filename = table.Column<string>(type: "text", nullable: true),
                    filepath = table.Column<string>(type: "text", nullable: true),
                    fileexpiresat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobruns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhookreceipts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "text", nullable: false),
                    deliveryid = table.Column<string>(type: "text", nullable: false),
                    receivedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhookreceipts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roleid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroleclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetroleclaims_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetuserclaims_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    providerkey = table.Column<string>(type: "text", nullable: false),
                    providerdisplayname = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserlogins", x => new { x.loginprovider, x.providerkey });
                    table.ForeignKey(
                        name: "fk_aspnetuserlogins_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    roleid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserroles", x => new { x.userid, x.roleid });
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusertokens", x => new { x.userid, x.loginprovider, x.name });
                    table.ForeignKey(
                        name: "fk_aspnetusertokens_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartconnections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    cartdomain = table.Column<string>(type: "text", nullable: false),
                    apibaseurl = table.Column<string>(type: "text", nullable: false),
                    protectedsecrets = table.Column<string>(type: "text", nullable: false),
                    birthdaysync = table.Column<bool>(type: "boolean", nullable: false),
                    lineidlinking = table.Column<bool>(type: "boolean", nullable: false),
                    firstimporttoeveryone = table.Column<bool>(type: "boolean", nullable: false),
                    licenseexpireson = table.Column<DateOnly>(type: "date", nullable: true),
                    subscriptiontagssince = table.Column<long>(type: "bigint", nullable: true),
                    pullintervalminutes = table.Column<int>(type: "integer", nullable: false),
                    nextpullat = table.Column<long>(type: "bigint", nullable: true),
                    state = table.Column<int>(type: "integer", nullable: false),
                    lasterror = table.Column<string>(type: "text", nullable: true),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    lastpulledat = table.Column<long>(type: "bigint", nullable: true),
                    lastpullcustomers = table.Column<long>(type: "bigint", nullable: false),
                    lastpullorders = table.Column<long>(type: "bigint", nullable: false),
                    lastpullskipped = table.Column<long>(type: "bigint", nullable: false),
                    lastskippedsample = table.Column<string>(type: "text", nullable: true),
                    customercursor = table.Column<string>(type: "text", nullable: true),
                    ordercursor = table.Column<string>(type: "text", nullable: true),
                    subscriptioncursor = table.Column<string>(type: "text", nullable: true),
                    checkoutcursor = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartconnections", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartconnections_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "eventcursors",
                columns: table => new
                {
                    botid = table.Column<int>(type: "integer", nullable: false),
                    consumer = table.Column<string>(type: "text", nullable: false),
                    lasteventid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eventcursors", x => new { x.botid, x.consumer });
                    table.ForeignKey(
                        name: "fk_eventcursors_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followscanstates",
                columns: table => new
                {
                    botid = table.Column<int>(type: "integer", nullable: false),
                    triggers = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followscanstates", x => x.botid);
                    table.ForeignKey(
                        name: "fk_followscanstates_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "friendmonthcounts",
                columns: table => new
                {
                    botid = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    friends = table.Column<int>(type: "integer", nullable: false),
                    linked = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_friendmonthcounts", x => new { x.botid, x.month });
                    table.ForeignKey(
                        name: "fk_friendmonthcounts_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    lineuserid = table.Column<string>(type: "text", nullable: false),
                    displayname = table.Column<string>(type: "text", nullable: false),
                    registeredname = table.Column<string>(type: "text", nullable: true),
                    friendaddedat = table.Column<long>(type: "bigint", nullable: false),
                    isblocked = table.Column<bool>(type: "boolean", nullable: false),
                    phoneraw = table.Column<string>(type: "text", nullable: true),
                    phonenormalized = table.Column<string>(type: "text", nullable: true),
                    emailraw = table.Column<string>(type: "text", nullable: true),
                    emailnormalized = table.Column<string>(type: "text", nullable: true),
                    birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    points = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "operatorbots",
                columns: table => new
                {
                    operatorid = table.Column<string>(type: "text", nullable: false),
                    botid = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_operatorbots", x => new { x.operatorid, x.botid });
                    table.ForeignKey(
                        name: "fk_operatorbots_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_operatorbots_users_operatorid",
                        column: x => x.operatorid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "savedfilters",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    namekey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    filterjson = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_savedfilters", x => x.id);
                    table.ForeignKey(
                        name: "fk_savedfilters_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "storedmessages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    contentjson = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_storedmessages", x => x.id);
                    table.ForeignKey(
                        name: "fk_storedmessages_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    folder = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_tags_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartcheckouts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    token = table.Column<string>(type: "text", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: true),
                    emailnormalized = table.Column<string>(type: "text", nullable: true),
                    phonenormalized = table.Column<string>(type: "text", nullable: true),
                    recoveryurl = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    itemsjson = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    completedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartcheckouts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartcheckouts_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartcustomers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    externalid = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    phoneraw = table.Column<string>(type: "text", nullable: true),
                    phonenormalized = table.Column<string>(type: "text", nullable: true),
                    emailnormalized = table.Column<string>(type: "text", nullable: true),
                    lineuserid = table.Column<string>(type: "text", nullable: true),
                    birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartcustomers", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartcustomers_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartorders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    externalid = table.Column<string>(type: "text", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: false),
                    number = table.Column<string>(type: "text", nullable: true),
                    orderedat = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    shippedat = table.Column<long>(type: "bigint", nullable: true),
                    subscriptionexternalid = table.Column<string>(type: "text", nullable: true),
                    times = table.Column<int>(type: "integer", nullable: true),
                    deliverymethod = table.Column<string>(type: "text", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    deliverydate = table.Column<DateOnly>(type: "date", nullable: true),
                    deliverytime = table.Column<string>(type: "text", nullable: true),
                    currency = table.Column<string>(type: "text", nullable: true),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartorders", x => x.id);
                    table.UniqueConstraint("ak_cartorders_connectionid_externalid", x => new { x.connectionid, x.externalid });
                    table.ForeignKey(
                        name: "fk_cartorders_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartproducts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    coursename = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartproducts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartproducts_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartsubscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    externalid = table.Column<string>(type: "text", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    rawstatus = table.Column<string>(type: "text", nullable: true),
                    productcode = table.Column<string>(type: "text", nullable: true),
                    coursename = table.Column<string>(type: "text", nullable: true),
                    nextshipat = table.Column<long>(type: "bigint", nullable: true),
                    updatedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartsubscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartsubscriptions_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "connectionlinkcounts",
                columns: table => new
                {
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connectionlinkcounts", x => x.connectionid);
                    table.ForeignKey(
                        name: "fk_connectionlinkcounts_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customerordertotals",
                columns: table => new
                {
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: false),
                    orders = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customerordertotals", x => new { x.connectionid, x.customerexternalid });
                    table.ForeignKey(
                        name: "fk_customerordertotals_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followmessages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    connectionid = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    productcode = table.Column<string>(type: "text", nullable: false),
                    times = table.Column<int>(type: "integer", nullable: true),
                    filterjson = table.Column<string>(type: "text", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followmessages", x => x.id);
                    table.ForeignKey(
                        name: "fk_followmessages_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_followmessages_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "chatmessages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    incoming = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    linemessageid = table.Column<string>(type: "text", nullable: true),
                    sentat = table.Column<long>(type: "bigint", nullable: false),
                    operatorid = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chatmessages", x => x.id);
                    table.ForeignKey(
                        name: "fk_chatmessages_aspnetusers_operatorid",
                        column: x => x.operatorid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_chatmessages_members_memberid",
                        column: x => x.memberid,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memberevents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    connectionid = table.Column<int>(type: "integer", nullable: true),
                    cartcustomerid = table.Column<long>(type: "bigint", nullable: true),
                    tagid = table.Column<int>(type: "integer", nullable: true),
                    cause = table.Column<int>(type: "integer", nullable: true),
                    occurredat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberevents", x => x.id);
                    table.ForeignKey(
                        name: "fk_memberevents_members_memberid",
                        column: x => x.memberid,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    filterjson = table.Column<string>(type: "text", nullable: true),
                    scheduledat = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    recipients = table.Column<long>(type: "bigint", nullable: false),
                    blocked = table.Column<long>(type: "bigint", nullable: false),
                    createdby = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    plannedat = table.Column<long>(type: "bigint", nullable: true),
                    cancelledat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                    table.ForeignKey(
                        name: "fk_broadcasts_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_broadcasts_storedmessages_messageid",
                        column: x => x.messageid,
                        principalTable: "storedmessages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    sourceid = table.Column<long>(type: "bigint", nullable: false),
                    occurrence = table.Column<long>(type: "bigint", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    retrykey = table.Column<Guid>(type: "uuid", nullable: false),
                    dueat = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    skipreason = table.Column<int>(type: "integer", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    sentat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_deliveries_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_deliveries_members_memberid",
                        column: x => x.memberid,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_deliveries_storedmessages_messageid",
                        column: x => x.messageid,
                        principalTable: "storedmessages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "identityformtags",
                columns: table => new
                {
                    botid = table.Column<int>(type: "integer", nullable: false),
                    tagid = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identityformtags", x => new { x.botid, x.tagid });
                    table.ForeignKey(
                        name: "fk_identityformtags_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_identityformtags_tags_tagid",
                        column: x => x.tagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membertags",
                columns: table => new
                {
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    tagid = table.Column<int>(type: "integer", nullable: false),
                    addedat = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membertags", x => new { x.memberid, x.tagid });
                    table.ForeignKey(
                        name: "fk_membertags_members_memberid",
                        column: x => x.memberid,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_membertags_tags_tagid",
                        column: x => x.tagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stepscenarios",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    tagid = table.Column<int>(type: "integer", nullable: true),
                    filterjson = table.Column<string>(type: "text", nullable: true),
                    entryaftereventid = table.Column<long>(type: "bigint", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    updatedat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stepscenarios", x => x.id);
                    table.ForeignKey(
                        name: "fk_stepscenarios_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_stepscenarios_tags_tagid",
                        column: x => x.tagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tagrules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    tagid = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    comparison = table.Column<int>(type: "integer", nullable: true),
                    number = table.Column<long>(type: "bigint", nullable: true),
                    text = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: true),
                    connectionid = table.Column<int>(type: "integer", nullable: true),
                    frommonthday = table.Column<int>(type: "integer", nullable: true),
                    tomonthday = table.Column<int>(type: "integer", nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    createdat = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tagrules", x => x.id);
                    table.ForeignKey(
                        name: "fk_tagrules_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tagrules_tags_tagid",
                        column: x => x.tagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cartlinks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    cartcustomerid = table.Column<long>(type: "bigint", nullable: false),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<int>(type: "integer", nullable: false),
                    linkedat = table.Column<long>(type: "bigint", nullable: false),
                    quietuptoeventid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartlinks", x => x.id);
                    table.ForeignKey(
                        name: "fk_cartlinks_cartcustomers_cartcustomerid",
                        column: x => x.cartcustomerid,
                        principalTable: "cartcustomers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cartlinks_members_memberid",
                        column: x => x.memberid,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cartorderitems",
                columns: table => new
                {
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    orderexternalid = table.Column<string>(type: "text", nullable: false),
                    lineno = table.Column<int>(type: "integer", nullable: false),
                    productcode = table.Column<string>(type: "text", nullable: false),
                    productname = table.Column<string>(type: "text", nullable: false),
                    coursename = table.Column<string>(type: "text", nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    price = table.Column<long>(type: "bigint", nullable: false),
                    customerexternalid = table.Column<string>(type: "text", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    orderedat = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cartorderitems", x => new { x.connectionid, x.orderexternalid, x.lineno });
                    table.ForeignKey(
                        name: "fk_cartorderitems_cartorders_connectionid_orderexternalid",
                        columns: x => new { x.connectionid, x.orderexternalid },
                        principalTable: "cartorders",
                        principalColumns: new[] { "connectionid", "externalid" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followorderscans",
                columns: table => new
                {
                    orderid = table.Column<long>(type: "bigint", nullable: false),
                    connectionid = table.Column<int>(type: "integer", nullable: false),
                    shippedat = table.Column<long>(type: "bigint", nullable: false),
                    products = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followorderscans", x => x.orderid);
                    table.ForeignKey(
                        name: "fk_followorderscans_cartconnections_connectionid",
                        column: x => x.connectionid,
                        principalTable: "cartconnections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_followorderscans_cartorders_orderid",
                        column: x => x.orderid,
                        principalTable: "cartorders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followscenarios",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    followmessageid = table.Column<int>(type: "integer", nullable: false),
                    sortorder = table.Column<int>(type: "integer", nullable: false),
                    daysafter = table.Column<int>(type: "integer", nullable: false),
                    attime = table.Column<int>(type: "integer", nullable: false),
                    messageid = table.Column<long>(type: "bigint", nullable: false),
                    addtagid = table.Column<int>(type: "integer", nullable: true),
                    removetagid = table.Column<int>(type: "integer", nullable: true),
                    richmenuid = table.Column<string>(type: "text", nullable: true),
                    points = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followscenarios", x => x.id);
                    table.ForeignKey(
                        name: "fk_followscenarios_followmessages_followmessageid",
                        column: x => x.followmessageid,
                        principalTable: "followmessages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_followscenarios_storedmessages_messageid",
                        column: x => x.messageid,
                        principalTable: "storedmessages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_followscenarios_tags_addtagid",
                        column: x => x.addtagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_followscenarios_tags_removetagid",
                        column: x => x.removetagid,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "followactions",
                columns: table => new
                {
                    deliveryid = table.Column<long>(type: "bigint", nullable: false),
                    botid = table.Column<int>(type: "integer", nullable: false),
                    memberid = table.Column<long>(type: "bigint", nullable: false),
                    scenarioid = table.Column<long>(type: "bigint", nullable: false),
                    appliedat = table.Column<long>(type: "bigint", nullable: false),
                    richmenuid = table.Column<string>(type: "text", nullable: true),
                    richmenulinkedat = table.Column<long>(type: "bigint", nullable: true),
                    richmenuattempts = table.Column<int>(type: "integer", nullable: false),
                    richmenuerror = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followactions", x => x.deliveryid);
                    table.ForeignKey(
                        name: "fk_followactions_bots_botid",
                        column: x => x.botid,
                        principalTable: "bots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_followactions_deliveries_deliveryid",
                        column: x => x.deliveryid,
                        principalTable: "deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenariosteps",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scenarioid = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    delaykind = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<int>(type: "integer", nullable: false),
                    atminute = table.Column<int>(type: "integer", nullable: true),
                    messageid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenariosteps", x => x.id);
                    table.ForeignKey(
                        name: "fk_scenariosteps_stepscenarios_scenarioid",
                        column: x => x.scenarioid,
                        principalTable: "stepscenarios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scenariosteps_storedmessages_messageid",
                        column: x => x.messageid,
                        principalTable: "storedmessages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aspnetroleclaims_roleid",
                table: "AspNetRoleClaims",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalizedname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserclaims_userid",
                table: "AspNetUserClaims",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserlogins_userid",
                table: "AspNetUserLogins",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserroles_roleid",
                table: "AspNetUserRoles",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalizedemail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalizedusername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_botid_id",
                table: "broadcasts",
                columns: new[] { "botid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_messageid",
                table: "broadcasts",
                column: "messageid");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_state_scheduledat",
                table: "broadcasts",
                columns: new[] { "state", "scheduledat" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcheckouts_botid_emailnormalized",
                table: "cartcheckouts",
                columns: new[] { "botid", "emailnormalized" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcheckouts_connectionid_token",
                table: "cartcheckouts",
                columns: new[] { "connectionid", "token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cartconnections_botid_kind",
                table: "cartconnections",
                columns: new[] { "botid", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cartconnections_kind_cartdomain",
                table: "cartconnections",
                columns: new[] { "kind", "cartdomain" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcustomers_botid_emailnormalized",
                table: "cartcustomers",
                columns: new[] { "botid", "emailnormalized" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcustomers_botid_lineuserid",
                table: "cartcustomers",
                columns: new[] { "botid", "lineuserid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcustomers_botid_phonenormalized",
                table: "cartcustomers",
                columns: new[] { "botid", "phonenormalized" });

            migrationBuilder.CreateIndex(
                name: "ix_cartcustomers_connectionid_externalid",
                table: "cartcustomers",
                columns: new[] { "connectionid", "externalid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cartlinks_botid_connectionid_memberid",
                table: "cartlinks",
                columns: new[] { "botid", "connectionid", "memberid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartlinks_botid_memberid_connectionid_customerexternalid",
                table: "cartlinks",
                columns: new[] { "botid", "memberid", "connectionid", "customerexternalid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartlinks_cartcustomerid",
                table: "cartlinks",
                column: "cartcustomerid");

            migrationBuilder.CreateIndex(
                name: "ix_cartlinks_connectionid_customerexternalid_memberid",
                table: "cartlinks",
                columns: new[] { "connectionid", "customerexternalid", "memberid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartlinks_memberid_cartcustomerid",
                table: "cartlinks",
                columns: new[] { "memberid", "cartcustomerid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cartorderitems_connectionid_coursename_cancelled_orderedat_~",
                table: "cartorderitems",
                columns: new[] { "connectionid", "coursename", "cancelled", "orderedat", "customerexternalid" },
                filter: "CourseName IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cartorderitems_connectionid_productcode_cancelled_orderedat~",
                table: "cartorderitems",
                columns: new[] { "connectionid", "productcode", "cancelled", "orderedat", "customerexternalid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartorders_connectionid_customerexternalid_cancelled_amount~",
                table: "cartorders",
                columns: new[] { "connectionid", "customerexternalid", "cancelled", "amount", "orderedat" });

            migrationBuilder.CreateIndex(
                name: "ix_cartorders_connectionid_shippedat_cancelled_times_externali~",
                table: "cartorders",
                columns: new[] { "connectionid", "shippedat", "cancelled", "times", "externalid", "customerexternalid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartproducts_connectionid_code",
                table: "cartproducts",
                columns: new[] { "connectionid", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cartsubscriptions_connectionid_customerexternalid",
                table: "cartsubscriptions",
                columns: new[] { "connectionid", "customerexternalid" });

            migrationBuilder.CreateIndex(
                name: "ix_cartsubscriptions_connectionid_externalid",
                table: "cartsubscriptions",
                columns: new[] { "connectionid", "externalid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chatmessages_memberid_id",
                table: "chatmessages",
                columns: new[] { "memberid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_chatmessages_operatorid",
                table: "chatmessages",
                column: "operatorid");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_botid_source_sourceid_memberid_occurrence",
                table: "deliveries",
                columns: new[] { "botid", "source", "sourceid", "memberid", "occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_botid_state_dueat",
                table: "deliveries",
                columns: new[] { "botid", "state", "dueat" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_memberid_id",
                table: "deliveries",
                columns: new[] { "memberid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_messageid",
                table: "deliveries",
                column: "messageid");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_retrykey",
                table: "deliveries",
                column: "retrykey");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_source_sourceid_state",
                table: "deliveries",
                columns: new[] { "source", "sourceid", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_followactions_botid_richmenulinkedat",
                table: "followactions",
                columns: new[] { "botid", "richmenulinkedat" });

            migrationBuilder.CreateIndex(
                name: "ix_followmessages_botid_connectionid_productcode_priority",
                table: "followmessages",
                columns: new[] { "botid", "connectionid", "productcode", "priority" });

            migrationBuilder.CreateIndex(
                name: "ix_followmessages_connectionid",
                table: "followmessages",
                column: "connectionid");

            migrationBuilder.CreateIndex(
                name: "ix_followorderscans_connectionid_products",
                table: "followorderscans",
                columns: new[] { "connectionid", "products" });

            migrationBuilder.CreateIndex(
                name: "ix_followorderscans_connectionid_shippedat",
                table: "followorderscans",
                columns: new[] { "connectionid", "shippedat" });

            migrationBuilder.CreateIndex(
                name: "ix_followscenarios_addtagid",
                table: "followscenarios",
                column: "addtagid");

            migrationBuilder.CreateIndex(
                name: "ix_followscenarios_followmessageid_sortorder",
                table: "followscenarios",
                columns: new[] { "followmessageid", "sortorder" });

            migrationBuilder.CreateIndex(
                name: "ix_followscenarios_messageid",
                table: "followscenarios",
                column: "messageid");

            migrationBuilder.CreateIndex(
                name: "ix_followscenarios_removetagid",
                table: "followscenarios",
                column: "removetagid");

            migrationBuilder.CreateIndex(
                name: "ix_identityformtags_tagid",
                table: "identityformtags",
                column: "tagid");

            migrationBuilder.CreateIndex(
                name: "ix_jobruns_botid_state",
                table: "jobruns",
                columns: new[] { "botid", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_jobruns_fileexpiresat",
                table: "jobruns",
                column: "fileexpiresat");

            migrationBuilder.CreateIndex(
                name: "ix_jobruns_startedat",
                table: "jobruns",
                column: "startedat");

            migrationBuilder.CreateIndex(
                name: "ix_memberevents_botid_id",
                table: "memberevents",
                columns: new[] { "botid", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_memberevents_memberid",
                table: "memberevents",
                column: "memberid");

            migrationBuilder.CreateIndex(
                name: "ix_members_botid_emailnormalized",
                table: "members",
                columns: new[] { "botid", "emailnormalized" });

            migrationBuilder.CreateIndex(
                name: "ix_members_botid_friendaddedat",
                table: "members",
                columns: new[] { "botid", "friendaddedat" });

            migrationBuilder.CreateIndex(
                name: "ix_members_botid_lineuserid",
                table: "members",
                columns: new[] { "botid", "lineuserid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_botid_phonenormalized",
                table: "members",
                columns: new[] { "botid", "phonenormalized" });

            migrationBuilder.CreateIndex(
                name: "ix_membertags_tagid_memberid",
                table: "membertags",
                columns: new[] { "tagid", "memberid" });

            migrationBuilder.CreateIndex(
                name: "ix_operatorbots_botid",
                table: "operatorbots",
                column: "botid");

            migrationBuilder.CreateIndex(
                name: "ix_savedfilters_botid_namekey",
                table: "savedfilters",
                columns: new[] { "botid", "namekey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scenariosteps_messageid",
                table: "scenariosteps",
                column: "messageid");

            migrationBuilder.CreateIndex(
                name: "ix_scenariosteps_scenarioid_position",
                table: "scenariosteps",
                columns: new[] { "scenarioid", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_stepscenarios_botid_enabled",
                table: "stepscenarios",
                columns: new[] { "botid", "enabled" });

            migrationBuilder.CreateIndex(
                name: "ix_stepscenarios_tagid",
                table: "stepscenarios",
                column: "tagid");

            migrationBuilder.CreateIndex(
                name: "ix_storedmessages_botid",
                table: "storedmessages",
                column: "botid");

            migrationBuilder.CreateIndex(
                name: "ix_tagrules_botid_enabled",
                table: "tagrules",
                columns: new[] { "botid", "enabled" });

            migrationBuilder.CreateIndex(
                name: "ix_tagrules_tagid",
                table: "tagrules",
                column: "tagid");

            migrationBuilder.CreateIndex(
                name: "ix_tags_botid_name",
                table: "tags",
                columns: new[] { "botid", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhookreceipts_source_deliveryid",
                table: "webhookreceipts",
                columns: new[] { "source", "deliveryid" },
                unique: true);
            // ホーム's counters (docs/architecture.md, "Dashboard counters"), the PostgreSQL version of SQLite's row
            // triggers: inserts (an import's links, a seed's members) are counted once per statement from its transition
            // table; deletes and moves, which are rare, row by row. ecai_jst_month is the JST month (yyyyMM) of UTC ticks.
            migrationBuilder.Sql("""
                CREATE FUNCTION ecai_jst_month(ticks bigint) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT to_char(to_timestamp((ticks - 621355968000000000) / 10000000 + 32400) AT TIME ZONE 'UTC', 'YYYYMM')::integer
                $$;

                CREATE FUNCTION ecai_members_counters_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO friendmonthcounts (botid, month, friends, linked)
                  SELECT botid, ecai_jst_month(friendaddedat), count(*), 0 FROM new_members GROUP BY 1, 2
                  ON CONFLICT (botid, month) DO UPDATE SET friends = friendmonthcounts.friends + excluded.friends;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER members_counters_insert AFTER INSERT ON members
                  REFERENCING NEW TABLE AS new_members FOR EACH STATEMENT EXECUTE FUNCTION ecai_members_counters_insert();

                -- BEFORE: the member's links (deleted after it by the cascade) still say whether it counted as linked.
                CREATE FUNCTION ecai_members_counters_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE friendmonthcounts SET friends = friends - 1,
                    linked = linked - (EXISTS (SELECT 1 FROM cartlinks l WHERE l.botid = OLD.botid AND l.memberid = OLD.id))::integer
                  WHERE botid = OLD.botid AND month = ecai_jst_month(OLD.friendaddedat);
                  RETURN OLD;
                END $$;
                CREATE TRIGGER members_counters_delete BEFORE DELETE ON members
                  FOR EACH ROW EXECUTE FUNCTION ecai_members_counters_delete();

                CREATE FUNCTION ecai_members_counters_move() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE was_linked integer := (EXISTS (SELECT 1 FROM cartlinks l WHERE l.botid = OLD.botid AND l.memberid = OLD.id))::integer;
                BEGIN
                  UPDATE friendmonthcounts SET friends = friends - 1, linked = linked - was_linked
                  WHERE botid = OLD.botid AND month = ecai_jst_month(OLD.friendaddedat);
                  INSERT INTO friendmonthcounts (botid, month, friends, linked)
                  VALUES (NEW.botid, ecai_jst_month(NEW.friendaddedat), 1,
                          (EXISTS (SELECT 1 FROM cartlinks l WHERE l.botid = NEW.botid AND l.memberid = NEW.id))::integer)
                  ON CONFLICT (botid, month) DO UPDATE SET friends = friendmonthcounts.friends + 1, linked = friendmonthcounts.linked + excluded.linked;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER members_counters_move AFTER UPDATE OF friendaddedat, botid ON members
                  FOR EACH ROW WHEN (OLD.friendaddedat <> NEW.friendaddedat OR OLD.botid <> NEW.botid)
                  EXECUTE FUNCTION ecai_members_counters_move();

                -- A member whose links all came in this statement is newly linked (its month's count); the same per connection.
                CREATE FUNCTION ecai_cartlinks_counters_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE friendmonthcounts f SET linked = f.linked + x.n
                  FROM (SELECT n.botid, ecai_jst_month(m.friendaddedat) AS month, count(*) AS n
                        FROM (SELECT botid, memberid, count(*) AS added FROM new_links GROUP BY 1, 2) n
                        JOIN members m ON m.id = n.memberid
                        WHERE (SELECT count(*) FROM cartlinks l WHERE l.botid = n.botid AND l.memberid = n.memberid) = n.added
                        GROUP BY 1, 2) x
                  WHERE f.botid = x.botid AND f.month = x.month;
                  INSERT INTO connectionlinkcounts (connectionid, botid, members)
                  SELECT n.connectionid, n.botid, count(*)
                  FROM (SELECT connectionid, botid, memberid, count(*) AS added FROM new_links GROUP BY 1, 2, 3) n
                  WHERE (SELECT count(*) FROM cartlinks l
                         WHERE l.botid = n.botid AND l.memberid = n.memberid AND l.connectionid = n.connectionid) = n.added
                  GROUP BY 1, 2
                  ON CONFLICT (connectionid) DO UPDATE SET members = connectionlinkcounts.members + excluded.members;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER cartlinks_counters_insert AFTER INSERT ON cartlinks
                  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION ecai_cartlinks_counters_insert();

                -- Members left without a link are no longer linked (a deleted member was counted by its own trigger).
                CREATE FUNCTION ecai_cartlinks_counters_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE friendmonthcounts f SET linked = f.linked - x.n
                  FROM (SELECT o.botid, ecai_jst_month(m.friendaddedat) AS month, count(*) AS n
                        FROM (SELECT DISTINCT botid, memberid FROM old_links) o
                        JOIN members m ON m.id = o.memberid
                        WHERE NOT EXISTS (SELECT 1 FROM cartlinks l WHERE l.botid = o.botid AND l.memberid = o.memberid)
                        GROUP BY 1, 2) x
                  WHERE f.botid = x.botid AND f.month = x.month;
                  UPDATE connectionlinkcounts c SET members = c.members - x.n
                  FROM (SELECT o.connectionid, count(*) AS n
                        FROM (SELECT DISTINCT connectionid, botid, memberid FROM old_links) o
                        WHERE NOT EXISTS (SELECT 1 FROM cartlinks l
                                          WHERE l.botid = o.botid AND l.memberid = o.memberid AND l.connectionid = o.connectionid)
                        GROUP BY 1) x
                  WHERE c.connectionid = x.connectionid;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER cartlinks_counters_delete AFTER DELETE ON cartlinks
                  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION ecai_cartlinks_counters_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER cartlinks_counters_delete ON cartlinks; DROP TRIGGER cartlinks_counters_insert ON cartlinks;
                DROP TRIGGER members_counters_move ON members; DROP TRIGGER members_counters_delete ON members;
                DROP TRIGGER members_counters_insert ON members;
                DROP FUNCTION ecai_cartlinks_counters_delete(); DROP FUNCTION ecai_cartlinks_counters_insert();
                DROP FUNCTION ecai_members_counters_move(); DROP FUNCTION ecai_members_counters_delete();
                DROP FUNCTION ecai_members_counters_insert(); DROP FUNCTION ecai_jst_month(bigint);
                """);
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "cartcheckouts");

            migrationBuilder.DropTable(
                name: "cartlinks");

            migrationBuilder.DropTable(
                name: "cartorderitems");

            migrationBuilder.DropTable(
                name: "cartproducts");

            migrationBuilder.DropTable(
                name: "cartsubscriptions");

            migrationBuilder.DropTable(
                name: "chatmessages");

            migrationBuilder.DropTable(
                name: "connectionlinkcounts");

            migrationBuilder.DropTable(
                name: "customerordertotals");

            migrationBuilder.DropTable(
                name: "eventcursors");

            migrationBuilder.DropTable(
                name: "followactions");

            migrationBuilder.DropTable(
                name: "followorderscans");

            migrationBuilder.DropTable(
                name: "followscanstates");

            migrationBuilder.DropTable(
                name: "followscenarios");

            migrationBuilder.DropTable(
                name: "friendmonthcounts");

            migrationBuilder.DropTable(
                name: "identityformtags");

            migrationBuilder.DropTable(
                name: "jobruns");

            migrationBuilder.DropTable(
                name: "memberevents");

            migrationBuilder.DropTable(
                name: "membertags");

            migrationBuilder.DropTable(
                name: "operatorbots");

            migrationBuilder.DropTable(
                name: "savedfilters");

            migrationBuilder.DropTable(
                name: "scenariosteps");

            migrationBuilder.DropTable(
                name: "tagrules");

            migrationBuilder.DropTable(
                name: "webhookreceipts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "cartcustomers");

            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "cartorders");

            migrationBuilder.DropTable(
                name: "followmessages");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "stepscenarios");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "storedmessages");

            migrationBuilder.DropTable(
                name: "cartconnections");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "bots");
        }
    }
}
