using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecai.Domain.Data.Sqlite.Migrations
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LineChannelId = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedLineSecrets = table.Column<string>(type: "TEXT", nullable: true),
                    LiffId = table.Column<string>(type: "TEXT", nullable: true),
                    LineLoginChannelId = table.Column<string>(type: "TEXT", nullable: true),
                    IdentityFormDoneMessage = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: true),
                    Customers = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<long>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<long>(type: "INTEGER", nullable: false),
                    Linked = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    OperatorId = table.Column<string>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", nullable: true),
                    FilePath = table.Column<string>(type: "TEXT", nullable: true),
                    FileExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookReceipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CartDomain = table.Column<string>(type: "TEXT", nullable: false),
                    ApiBaseUrl = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedSecrets = table.Column<string>(type: "TEXT", nullable: false),
                    BirthdaySync = table.Column<bool>(type: "INTEGER", nullable: false),
                    LineIdLinking = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstImportToEveryone = table.Column<bool>(type: "INTEGER", nullable: false),
                    LicenseExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubscriptionTagsSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PullIntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NextPullAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    LastPulledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastPullCustomers = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPullOrders = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPullSkipped = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSkippedSample = table.Column<string>(type: "TEXT", nullable: true),
                    CustomerCursor = table.Column<string>(type: "TEXT", nullable: true),
                    OrderCursor = table.Column<string>(type: "TEXT", nullable: true),
                    SubscriptionCursor = table.Column<string>(type: "TEXT", nullable: true),
                    CheckoutCursor = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartConnections_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventCursors",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCursors", x => new { x.BotId, x.Consumer });
                    table.ForeignKey(
                        name: "FK_EventCursors_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowScanStates",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Triggers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowScanStates", x => x.BotId);
                    table.ForeignKey(
                        name: "FK_FollowScanStates_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FriendMonthCounts",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Friends = table.Column<int>(type: "INTEGER", nullable: false),
                    Linked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FriendMonthCounts", x => new { x.BotId, x.Month });
                    table.ForeignKey(
                        name: "FK_FriendMonthCounts_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredName = table.Column<string>(type: "TEXT", nullable: true),
                    FriendAddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsBlocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhoneRaw = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    EmailRaw = table.Column<string>(type: "TEXT", nullable: true),
                    EmailNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OperatorBots",
                columns: table => new
                {
                    OperatorId = table.Column<string>(type: "TEXT", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorBots", x => new { x.OperatorId, x.BotId });
                    table.ForeignKey(
                        name: "FK_OperatorBots_AspNetUsers_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OperatorBots_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedFilters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedFilters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedFilters_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoredMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredMessages_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tags_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartCheckouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    EmailNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    RecoveryUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartCheckouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartCheckouts_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartCustomers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneRaw = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    EmailNormalized = table.Column<string>(type: "TEXT", nullable: true),
                    LineUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Birthday = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartCustomers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartCustomers_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: true),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubscriptionExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    Times = table.Column<int>(type: "INTEGER", nullable: true),
                    DeliveryMethod = table.Column<string>(type: "TEXT", nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    DeliveryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveryTime = table.Column<string>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartOrders", x => x.Id);
                    table.UniqueConstraint("AK_CartOrders_ConnectionId_ExternalId", x => new { x.ConnectionId, x.ExternalId });
                    table.ForeignKey(
                        name: "FK_CartOrders_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartProducts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CourseName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartProducts_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RawStatus = table.Column<string>(type: "TEXT", nullable: true),
                    ProductCode = table.Column<string>(type: "TEXT", nullable: true),
                    CourseName = table.Column<string>(type: "TEXT", nullable: true),
                    NextShipAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartSubscriptions_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionLinkCounts",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionLinkCounts", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_ConnectionLinkCounts_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerOrderTotals",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerOrderTotals", x => new { x.ConnectionId, x.CustomerExternalId });
                    table.ForeignKey(
                        name: "FK_CustomerOrderTotals_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", nullable: false),
                    Times = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowMessages_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowMessages_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Incoming = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    LineMessageId = table.Column<string>(type: "TEXT", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OperatorId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMessages_AspNetUsers_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChatMessages_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CartCustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    TagId = table.Column<int>(type: "INTEGER", nullable: true),
                    Cause = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberEvents_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<long>(type: "INTEGER", nullable: false),
                    Blocked = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Broadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Broadcasts_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Broadcasts_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Occurrence = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    RetryKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SkipReason = table.Column<int>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deliveries_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliveries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Deliveries_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdentityFormTags",
                columns: table => new
                {
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityFormTags", x => new { x.BotId, x.TagId });
                    table.ForeignKey(
                        name: "FK_IdentityFormTags_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdentityFormTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberTags",
                columns: table => new
                {
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTags", x => new { x.MemberId, x.TagId });
                    table.ForeignKey(
                        name: "FK_MemberTags_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StepScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: true),
                    EntryAfterEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepScenarios_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StepScenarios_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TagRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparison = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromMonthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    ToMonthDay = table.Column<int>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagRules_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TagRules_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CartLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    CartCustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QuietUpToEventId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CartLinks_CartCustomers_CartCustomerId",
                        column: x => x.CartCustomerId,
                        principalTable: "CartCustomers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CartLinks_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CartOrderItems",
                columns: table => new
                {
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderExternalId = table.Column<string>(type: "TEXT", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", nullable: false),
                    CourseName = table.Column<string>(type: "TEXT", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CartOrderItems", x => new { x.ConnectionId, x.OrderExternalId, x.LineNo });
                    table.ForeignKey(
                        name: "FK_CartOrderItems_CartOrders_ConnectionId_OrderExternalId",
                        columns: x => new { x.ConnectionId, x.OrderExternalId },
                        principalTable: "CartOrders",
                        principalColumns: new[] { "ConnectionId", "ExternalId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowOrderScans",
                columns: table => new
                {
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Products = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowOrderScans", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_FollowOrderScans_CartConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "CartConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowOrderScans_CartOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "CartOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowScenarios",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowMessageId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    AtTime = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    AddTagId = table.Column<int>(type: "INTEGER", nullable: true),
                    RemoveTagId = table.Column<int>(type: "INTEGER", nullable: true),
                    RichMenuId = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowScenarios", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_FollowMessages_FollowMessageId",
                        column: x => x.FollowMessageId,
                        principalTable: "FollowMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_Tags_AddTagId",
                        column: x => x.AddTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowScenarios_Tags_RemoveTagId",
                        column: x => x.RemoveTagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowActions",
                columns: table => new
                {
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    BotId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ScenarioId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RichMenuId = table.Column<string>(type: "TEXT", nullable: true),
                    RichMenuLinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RichMenuAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RichMenuError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowActions", x => x.DeliveryId);
                    table.ForeignKey(
                        name: "FK_FollowActions_Bots_BotId",
                        column: x => x.BotId,
                        principalTable: "Bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowActions_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScenarioSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScenarioId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DelayKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    AtMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScenarioSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_StepScenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "StepScenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScenarioSteps_StoredMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "StoredMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_BotId_Id",
                table: "Broadcasts",
                columns: new[] { "BotId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_MessageId",
                table: "Broadcasts",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Broadcasts_State_ScheduledAt",
                table: "Broadcasts",
                columns: new[] { "State", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCheckouts_BotId_EmailNormalized",
                table: "CartCheckouts",
                columns: new[] { "BotId", "EmailNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCheckouts_ConnectionId_Token",
                table: "CartCheckouts",
                columns: new[] { "ConnectionId", "Token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CartConnections_BotId_Kind",
                table: "CartConnections",
                columns: new[] { "BotId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CartConnections_Kind_CartDomain",
                table: "CartConnections",
                columns: new[] { "Kind", "CartDomain" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCustomers_BotId_EmailNormalized",
                table: "CartCustomers",
                columns: new[] { "BotId", "EmailNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCustomers_BotId_LineUserId",
                table: "CartCustomers",
                columns: new[] { "BotId", "LineUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCustomers_BotId_PhoneNormalized",
                table: "CartCustomers",
                columns: new[] { "BotId", "PhoneNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_CartCustomers_ConnectionId_ExternalId",
                table: "CartCustomers",
                columns: new[] { "ConnectionId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_BotId_ConnectionId_MemberId",
                table: "CartLinks",
                columns: new[] { "BotId", "ConnectionId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_BotId_MemberId_ConnectionId_CustomerExternalId",
                table: "CartLinks",
                columns: new[] { "BotId", "MemberId", "ConnectionId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_CartCustomerId",
                table: "CartLinks",
                column: "CartCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_ConnectionId_CustomerExternalId_MemberId",
                table: "CartLinks",
                columns: new[] { "ConnectionId", "CustomerExternalId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartLinks_MemberId_CartCustomerId",
                table: "CartLinks",
                columns: new[] { "MemberId", "CartCustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_CourseName_Cancelled_OrderedAt_CustomerExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "CourseName", "Cancelled", "OrderedAt", "CustomerExternalId" },
                filter: "CourseName IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CartOrderItems_ConnectionId_ProductCode_Cancelled_OrderedAt_CustomerExternalId",
                table: "CartOrderItems",
                columns: new[] { "ConnectionId", "ProductCode", "Cancelled", "OrderedAt", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrders_ConnectionId_CustomerExternalId_Cancelled_Amount_OrderedAt",
                table: "CartOrders",
                columns: new[] { "ConnectionId", "CustomerExternalId", "Cancelled", "Amount", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CartOrders_ConnectionId_ShippedAt_Cancelled_Times_ExternalId_CustomerExternalId",
                table: "CartOrders",
                columns: new[] { "ConnectionId", "ShippedAt", "Cancelled", "Times", "ExternalId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartProducts_ConnectionId_Code",
                table: "CartProducts",
                columns: new[] { "ConnectionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CartSubscriptions_ConnectionId_CustomerExternalId",
                table: "CartSubscriptions",
                columns: new[] { "ConnectionId", "CustomerExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_CartSubscriptions_ConnectionId_ExternalId",
                table: "CartSubscriptions",
                columns: new[] { "ConnectionId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_MemberId_Id",
                table: "ChatMessages",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_OperatorId",
                table: "ChatMessages",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_BotId_Source_SourceId_MemberId_Occurrence",
                table: "Deliveries",
                columns: new[] { "BotId", "Source", "SourceId", "MemberId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_BotId_State_DueAt",
                table: "Deliveries",
                columns: new[] { "BotId", "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_MemberId_Id",
                table: "Deliveries",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_MessageId",
                table: "Deliveries",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RetryKey",
                table: "Deliveries",
                column: "RetryKey");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Source_SourceId_State",
                table: "Deliveries",
                columns: new[] { "Source", "SourceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowActions_BotId_RichMenuLinkedAt",
                table: "FollowActions",
                columns: new[] { "BotId", "RichMenuLinkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowMessages_BotId_ConnectionId_ProductCode_Priority",
                table: "FollowMessages",
                columns: new[] { "BotId", "ConnectionId", "ProductCode", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowMessages_ConnectionId",
                table: "FollowMessages",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowOrderScans_ConnectionId_Products",
                table: "FollowOrderScans",
                columns: new[] { "ConnectionId", "Products" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowOrderScans_ConnectionId_ShippedAt",
                table: "FollowOrderScans",
                columns: new[] { "ConnectionId", "ShippedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_AddTagId",
                table: "FollowScenarios",
                column: "AddTagId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_FollowMessageId_SortOrder",
                table: "FollowScenarios",
                columns: new[] { "FollowMessageId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_MessageId",
                table: "FollowScenarios",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowScenarios_RemoveTagId",
                table: "FollowScenarios",
                column: "RemoveTagId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityFormTags_TagId",
                table: "IdentityFormTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_BotId_State",
                table: "JobRuns",
                columns: new[] { "BotId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_FileExpiresAt",
                table: "JobRuns",
                column: "FileExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_StartedAt",
                table: "JobRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MemberEvents_BotId_Id",
                table: "MemberEvents",
                columns: new[] { "BotId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberEvents_MemberId",
                table: "MemberEvents",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_BotId_EmailNormalized",
                table: "Members",
                columns: new[] { "BotId", "EmailNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_BotId_FriendAddedAt",
                table: "Members",
                columns: new[] { "BotId", "FriendAddedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_BotId_LineUserId",
                table: "Members",
                columns: new[] { "BotId", "LineUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_BotId_PhoneNormalized",
                table: "Members",
                columns: new[] { "BotId", "PhoneNormalized" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberTags_TagId_MemberId",
                table: "MemberTags",
                columns: new[] { "TagId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorBots_BotId",
                table: "OperatorBots",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedFilters_BotId_NameKey",
                table: "SavedFilters",
                columns: new[] { "BotId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_MessageId",
                table: "ScenarioSteps",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ScenarioSteps_ScenarioId_Position",
                table: "ScenarioSteps",
                columns: new[] { "ScenarioId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_StepScenarios_BotId_Enabled",
                table: "StepScenarios",
                columns: new[] { "BotId", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_StepScenarios_TagId",
                table: "StepScenarios",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredMessages_BotId",
                table: "StoredMessages",
                column: "BotId");

            migrationBuilder.CreateIndex(
                name: "IX_TagRules_BotId_Enabled",
                table: "TagRules",
                columns: new[] { "BotId", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_TagRules_TagId",
                table: "TagRules",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_Tags_BotId_Name",
                table: "Tags",
                columns: new[] { "BotId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_Source_DeliveryId",
                table: "WebhookReceipts",
                columns: new[] { "Source", "DeliveryId" },
                unique: true);
            // ホーム's counters (docs/architecture.md, "Dashboard counters"): kept exact in the transaction of every change
            // to Members and CartLinks. A member's JST month (yyyyMM) comes from FriendAddedAt's UTC ticks.
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Counters_Insert AFTER INSERT ON Members BEGIN
                  INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked) VALUES (NEW.BotId, CAST(strftime('%Y%m', (NEW.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER), 1, 0)
                  ON CONFLICT (BotId, Month) DO UPDATE SET Friends = Friends + 1;
                END
                """);
            // BEFORE: the member's links (deleted after it by the cascade) still say whether it counted as linked.
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Counters_Delete BEFORE DELETE ON Members BEGIN
                  UPDATE FriendMonthCounts SET Friends = Friends - 1, Linked = Linked - EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.MemberId = OLD.Id)
                  WHERE BotId = OLD.BotId AND Month = CAST(strftime('%Y%m', (OLD.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER);
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Members_Counters_Move AFTER UPDATE OF FriendAddedAt, BotId ON Members
                WHEN OLD.FriendAddedAt <> NEW.FriendAddedAt OR OLD.BotId <> NEW.BotId BEGIN
                  UPDATE FriendMonthCounts SET Friends = Friends - 1, Linked = Linked - EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.MemberId = OLD.Id)
                  WHERE BotId = OLD.BotId AND Month = CAST(strftime('%Y%m', (OLD.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER);
                  INSERT INTO FriendMonthCounts (BotId, Month, Friends, Linked) VALUES (NEW.BotId, CAST(strftime('%Y%m', (NEW.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER), 1, EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = NEW.BotId AND l.MemberId = NEW.Id))
                  ON CONFLICT (BotId, Month) DO UPDATE SET Friends = Friends + 1, Linked = Linked + excluded.Linked;
                END
                """);
            // A member's first link makes it linked (its month's count); its first link through a connection counts there.
            migrationBuilder.Sql("""
                CREATE TRIGGER CartLinks_Counters_Insert AFTER INSERT ON CartLinks BEGIN
                  UPDATE FriendMonthCounts SET Linked = Linked + 1
                  WHERE BotId = NEW.BotId AND Month = (SELECT CAST(strftime('%Y%m', (m.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER) FROM Members m WHERE m.Id = NEW.MemberId)
                    AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = NEW.BotId AND l.MemberId = NEW.MemberId AND l.Id <> NEW.Id);
                  INSERT INTO ConnectionLinkCounts (ConnectionId, BotId, Members)
                  SELECT NEW.ConnectionId, NEW.BotId, 1
                  WHERE NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = NEW.BotId AND l.ConnectionId = NEW.ConnectionId AND l.MemberId = NEW.MemberId AND l.Id <> NEW.Id)
                  ON CONFLICT (ConnectionId) DO UPDATE SET Members = Members + 1;
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CartLinks_Counters_Delete AFTER DELETE ON CartLinks BEGIN
                  UPDATE FriendMonthCounts SET Linked = Linked - 1
                  WHERE BotId = OLD.BotId AND Month = (SELECT CAST(strftime('%Y%m', (m.FriendAddedAt - 621355968000000000) / 10000000 + 32400, 'unixepoch') AS INTEGER) FROM Members m WHERE m.Id = OLD.MemberId)
                    AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.MemberId = OLD.MemberId);
                  UPDATE ConnectionLinkCounts SET Members = Members - 1
                  WHERE ConnectionId = OLD.ConnectionId
                    AND NOT EXISTS (SELECT 1 FROM CartLinks l WHERE l.BotId = OLD.BotId AND l.ConnectionId = OLD.ConnectionId AND l.MemberId = OLD.MemberId);
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "Broadcasts");

            migrationBuilder.DropTable(
                name: "CartCheckouts");

            migrationBuilder.DropTable(
                name: "CartLinks");

            migrationBuilder.DropTable(
                name: "CartOrderItems");

            migrationBuilder.DropTable(
                name: "CartProducts");

            migrationBuilder.DropTable(
                name: "CartSubscriptions");

            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "ConnectionLinkCounts");

            migrationBuilder.DropTable(
                name: "CustomerOrderTotals");

            migrationBuilder.DropTable(
                name: "EventCursors");

            migrationBuilder.DropTable(
                name: "FollowActions");

            migrationBuilder.DropTable(
                name: "FollowOrderScans");

            migrationBuilder.DropTable(
                name: "FollowScanStates");

            migrationBuilder.DropTable(
                name: "FollowScenarios");

            migrationBuilder.DropTable(
                name: "FriendMonthCounts");

            migrationBuilder.DropTable(
                name: "IdentityFormTags");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "MemberEvents");

            migrationBuilder.DropTable(
                name: "MemberTags");

            migrationBuilder.DropTable(
                name: "OperatorBots");

            migrationBuilder.DropTable(
                name: "SavedFilters");

            migrationBuilder.DropTable(
                name: "ScenarioSteps");

            migrationBuilder.DropTable(
                name: "TagRules");

            migrationBuilder.DropTable(
                name: "WebhookReceipts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CartCustomers");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "CartOrders");

            migrationBuilder.DropTable(
                name: "FollowMessages");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "StepScenarios");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "StoredMessages");

            migrationBuilder.DropTable(
                name: "CartConnections");

            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropTable(
                name: "Bots");
        }
    }
}
